#!/usr/bin/env node
// Entry point for `npx greenlist` and `npm start`: loads the TypeScript sources through tsx,
// with the project's tsconfig whatever the working directory (JSX needs its settings).
import { register } from 'tsx/esm/api';

register({ tsconfig: new URL('../tsconfig.json', import.meta.url).pathname });
await import('../src/cli/main.ts');

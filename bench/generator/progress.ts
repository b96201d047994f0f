/** The progress bar moved to src/cli/progress-bar.ts (the import command draws it too). */
export { Progress } from '../../src/cli/progress-bar.ts';

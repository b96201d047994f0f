/**
 * `npx greenlist <command>`: the same use cases as the web, from a terminal.
 * Failures print one line and exit with the code from the error table.
 */
import { AppError } from '../domain/errors.ts';
import { COMMANDS } from './commands/index.ts';
import { parseArguments } from './arguments.ts';

async function usage(): Promise<string> {
  const commands = await Promise.all(COMMANDS.map((c) => c.load()));
  return ['usage: greenlist <command> [options]', '', ...commands.flatMap((c) => [`  ${c.usage}`, `      ${c.summary}`])].join('\n');
}

async function main(argv: string[]): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined || name === 'help' || name === '--help' || name === '-h') {
    console.log(await usage());
    return name === undefined ? 2 : 0;
  }
  const entry = COMMANDS.find((c) => c.name === name);
  if (entry === undefined) {
    console.error(`greenlist: unknown command "${name}"\n\n${await usage()}`);
    return 2;
  }
  return (await entry.load()).run(parseArguments(rest));
}

// `greenlist kpi x.json | head` closes the pipe early: that is not an error.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
  throw error;
});

try {
  const code = await main(process.argv.slice(2));
  if (code !== 0) process.exitCode = code;
} catch (error) {
  if (error instanceof AppError) {
    console.error(`greenlist: ${error.message}`);
    process.exitCode = error.exitCode;
  } else {
    console.error(error);
    process.exitCode = 1;
  }
}

import type { Arguments } from '../arguments.ts';

export interface CliCommand {
  name: string;
  usage: string;
  summary: string;
  /** Returns the process exit code. */
  run(args: Arguments): Promise<number>;
}

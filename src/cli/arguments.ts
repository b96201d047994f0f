/** Minimal argv parsing: positionals, `--flag`, `--name value` and `--name=value`. */
export interface Arguments {
  positionals: string[];
  options: Record<string, string | true>;
}

export function parseArguments(argv: string[]): Arguments {
  const positionals: string[] = [];
  const options: Record<string, string | true> = {};
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg.startsWith('--')) {
      const eq = arg.indexOf('=');
      if (eq > 0) options[arg.slice(2, eq)] = arg.slice(eq + 1);
      else if (argv[i + 1] !== undefined && !argv[i + 1]!.startsWith('--') && VALUE_OPTIONS.has(arg.slice(2))) options[arg.slice(2)] = argv[++i]!;
      else options[arg.slice(2)] = true;
    } else positionals.push(arg);
  }
  return { positionals, options };
}

/** Options that take a value when written as `--name value`. */
const VALUE_OPTIONS = new Set(['framework', 'port', 'enterprises', 'seed', 'lang', 'year', 'format', 'keys', 'url', 'out', 'batch', 'authority', 'reason', 'as-of', 'database', 'as', 'at', 'evaluator']);

export function optionString(args: Arguments, name: string): string | undefined {
  const value = args.options[name];
  return typeof value === 'string' ? value : undefined;
}

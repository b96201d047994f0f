import { verifyAuditChain } from '../../commands/audit/verify-audit-chain.ts';
import { AppError } from '../../domain/errors.ts';
import { withStore } from '../runtime.ts';
import type { CliCommand } from './command.ts';

export const auditCommand: CliCommand = {
  name: 'audit',
  usage: 'audit verify [--json]',
  summary: 'recompute the hash chains of the audit log and name the first broken event',
  async run(args) {
    if (args.positionals[0] !== 'verify') throw new AppError('VALIDATION', 'usage: greenlist audit verify [--json]', { path: 'subcommand' });
    const result = await withStore((store) => verifyAuditChain(store));
    if (args.options.json) console.log(JSON.stringify(result, null, 2));
    else if (result.ok) console.log(`audit chain intact: ${result.events} events in ${result.streams} streams`);
    else {
      const p = result.firstProblem!;
      console.log(`audit chain BROKEN in stream ${p.stream} at sequence ${p.seq}${p.eventId === null ? '' : ` (event id ${p.eventId})`}: ${p.problem} — ${p.detail}`);
    }
    return result.ok ? 0 : 5;
  },
};

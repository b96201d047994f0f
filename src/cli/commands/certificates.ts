/**
 * `greenlist certificates issue --batch <slug>` issues a published batch's missing
 * certificates (idempotent); `greenlist certificates rotate-key --authority <code>`
 * retires an authority's signing key for a fresh one. Both act as the system operator.
 */
import { issueCertificates } from '../../commands/certificates/issue-certificates.ts';
import { rotateSigningKey } from '../../commands/certificates/rotate-signing-key.ts';
import type { Actor } from '../../domain/actors/actor.ts';
import { invalid } from '../../domain/errors.ts';
import type { Arguments } from '../arguments.ts';
import { withStore } from '../runtime.ts';
import type { CliCommand } from './command.ts';

const OPERATOR: Actor = { kind: 'system', label: 'cli' };

/** `--name value` or `--name=value`; the argument parser leaves the value of an unknown option as the next positional. */
function valueOf(args: Arguments, name: string): string | undefined {
  const value = args.options[name];
  if (typeof value === 'string') return value;
  return value === true ? args.positionals[1] : undefined;
}

export const certificatesCommand: CliCommand = {
  name: 'certificates',
  usage: 'certificates issue --batch <slug> | rotate-key --authority <code>',
  summary: 'issue a published batch’s missing certificates, or rotate an authority’s signing key',
  async run(args) {
    const subcommand = args.positionals[0];
    if (subcommand === 'issue') {
      const slug = valueOf(args, 'batch');
      if (slug === undefined) throw invalid('--batch', 'usage: greenlist certificates issue --batch <slug>');
      const report = await withStore((store) => issueCertificates(store, OPERATOR, { batchSlug: slug }));
      const first = report.issued[0];
      const last = report.issued.at(-1);
      if (args.options.json) console.log(JSON.stringify(report, null, 2));
      else console.log(`${report.issued.length} certificates issued for batch ${slug}${first && last ? `: ${first.number} … ${last.number}` : ' (every listed entry already has one)'}`);
      return 0;
    }
    if (subcommand === 'rotate-key') {
      const code = valueOf(args, 'authority');
      if (code === undefined) throw invalid('--authority', 'usage: greenlist certificates rotate-key --authority <code>');
      const result = await withStore((store) => rotateSigningKey(store, OPERATOR, { authorityCode: code }));
      console.log(result.retiredKeyId === null ? `signing key ${result.currentKeyId} created for ${code}` : `signing key ${result.retiredKeyId} retired (still published); ${result.currentKeyId} signs from now on`);
      return 0;
    }
    throw invalid('subcommand', `usage: greenlist ${this.usage}`);
  },
};

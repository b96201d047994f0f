/** `greenlist batch publish <slug>` and `greenlist batch diff <slug>`: publish a batch, or show what it changed. */
import { publishBatch } from '../../commands/batches/publish-batch.ts';
import { AppError } from '../../domain/errors.ts';
import { batchDiff } from '../../store/queries/batch-diff.ts';
import { findBatch } from '../../store/queries/batch-catalogue.ts';
import { withStore } from '../runtime.ts';
import type { CliCommand } from './command.ts';
import { cliActor, print } from './pipeline-actor.ts';

export const batchCommand: CliCommand = {
  name: 'batch',
  usage: 'batch publish|diff <slug> [--as=<email>] [--json]',
  summary: 'publish a batch whose notice has closed (one transaction), or show its new, removed and renamed entries',
  async run(args) {
    const [verb, slug] = args.positionals;
    if ((verb !== 'publish' && verb !== 'diff') || slug === undefined) throw new AppError('VALIDATION', `usage: greenlist ${this.usage}`, { path: 'subcommand' });
    return withStore(async (store) => {
      if (verb === 'publish') {
        const result = await publishBatch(store, await cliActor(store, args), { batch: slug });
        print(args, result, () => (result.alreadyPublished ? `${result.slug} was already published on ${result.publishedOn}` : `${result.slug} published on ${result.publishedOn}: ${result.added.length} new, ${result.removed.length} removed, ${result.renamed.length} renamed`));
        return 0;
      }
      const batch = await findBatch(store.db, slug);
      const diff = batch === undefined ? undefined : await batchDiff(store.db, batch.id);
      if (batch === undefined || diff === undefined) throw new AppError('NOT_FOUND', `batch ${slug} not found`);
      print(args, diff, () =>
        [
          `${batch.nameZh} / ${batch.nameEn} (${batch.status}${diff.publishedOn ? `, ${diff.publishedOn}` : ''})`,
          `new (${diff.added.length}):`,
          ...diff.added.map((e) => `  + ${e.nameZh}`),
          `removed (${diff.removed.length}):`,
          ...diff.removed.map((e) => `  - ${e.nameZh} — ${e.reason} (${e.mode})`),
          `renamed (${diff.renamed.length}):`,
          ...diff.renamed.map((e) => `  ~ ${e.from} → ${e.nameZh}`),
        ].join('\n'),
      );
      return 0;
    });
  },
};

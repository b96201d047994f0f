import type { Row } from '../../store/schema.ts';
import type { RowError } from '../../commands/imports/row-errors.ts';

/**
 * An import as it leaves the server. `percent` is a reading aid: while running it follows
 * the bytes read (the row count of a streamed file is known only at its end), and it shows
 * 100 only once the import's one transaction has committed.
 */
export function presentImport(row: Row<'imports'>) {
  const percent = row.status === 'done' ? 100 : row.size > 0 ? Math.min(99, Math.floor((row.bytes_read / row.size) * 100)) : 0;
  return {
    id: row.id,
    kind: row.kind,
    fileName: row.file_name,
    format: row.format,
    size: row.size,
    sha256: row.sha256,
    status: row.status,
    progress: { rowsRead: row.rows_read, rowsTotal: row.rows_total, bytesRead: row.bytes_read, percent },
    result: row.status === 'done' ? { filed: row.reports_filed, amended: row.reports_amended, unchanged: row.reports_unchanged } : null,
    errorCount: row.error_count,
    errors: JSON.parse(row.errors) as RowError[],
    sentBy: row.actor_label,
    attempts: row.attempts,
    createdAt: row.created_at,
    startedAt: row.started_at,
    finishedAt: row.finished_at,
    updatedAt: row.updated_at,
  };
}

/** The documented error-code table, rendered for the OpenAPI description and the README. */
import { ERROR_CODES } from '../domain/errors.ts';

export const ERROR_CODE_TABLE_MARKDOWN = [
  '| code | HTTP | CLI exit | meaning |',
  '|---|---|---|---|',
  ...Object.entries(ERROR_CODES).map(([code, row]) => `| \`${code}\` | ${row.status} | ${row.exit} | ${row.meaning} |`),
].join('\n');

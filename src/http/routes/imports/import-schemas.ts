/** Response schemas of the import routes (they generate /openapi.json). */
import { Type } from 'typebox';

const Nullable = <T extends Parameters<typeof Type.Union>[0][number]>(schema: T) => Type.Union([schema, Type.Null()]);

export const RowErrorView = Type.Object({
  row: Type.Integer({ description: 'Spreadsheet row (the header is row 1); 0 for the file itself' }),
  column: Nullable(Type.String({ description: 'Column key, or the header text that could not be read' })),
  reason: Type.String({ description: 'English / 中文' }),
});

export const ImportView = Type.Object(
  {
    id: Type.Integer(),
    kind: Type.String({ examples: ['dynamic-reports'] }),
    fileName: Type.String(),
    format: Type.String({ examples: ['csv', 'xlsx'] }),
    size: Type.Integer({ description: 'bytes' }),
    sha256: Nullable(Type.String()),
    status: Type.String({ examples: ['queued', 'running', 'failed', 'done'] }),
    progress: Type.Object({ rowsRead: Type.Integer(), rowsTotal: Nullable(Type.Integer()), bytesRead: Type.Integer(), percent: Type.Integer({ minimum: 0, maximum: 100 }) }),
    result: Nullable(Type.Object({ filed: Type.Integer(), amended: Type.Integer(), unchanged: Type.Integer() })),
    errorCount: Type.Integer(),
    errors: Type.Array(RowErrorView, { description: 'The first 1,000 errors; errorCount counts them all' }),
    sentBy: Type.String(),
    attempts: Type.Integer(),
    createdAt: Type.String(),
    startedAt: Nullable(Type.String()),
    finishedAt: Nullable(Type.String()),
    updatedAt: Type.String(),
  },
  {
    examples: [
      {
        id: 7,
        kind: 'dynamic-reports',
        fileName: 'jiangxi-2025.csv',
        format: 'csv',
        size: 18422,
        sha256: 'bfefdd2163474acb1f3c308068bea3734295f25e5aa7b3e26336bb6e806b22c3',
        status: 'done',
        progress: { rowsRead: 118, rowsTotal: 118, bytesRead: 18422, percent: 100 },
        result: { filed: 117, amended: 1, unchanged: 0 },
        errorCount: 0,
        errors: [],
        sentBy: 'province@demo',
        attempts: 1,
        createdAt: '2026-04-02T01:00:00.000Z',
        startedAt: '2026-04-02T01:00:01.000Z',
        finishedAt: '2026-04-02T01:00:01.400Z',
        updatedAt: '2026-04-02T01:00:01.400Z',
      },
    ],
  },
);

/**
 * Stores an evidence file of an enterprise's register (hazard closures): the type is read
 * from the content (PDF, PNG, JPEG), never from the name; at most 10 MB.
 */
import { AppError, invalid } from '../../domain/errors.ts';
import type { FileStore } from '../../store/files/file-store.ts';
import { sniffMediaType } from '../../store/files/media-type.ts';
import type { Row } from '../../store/schema.ts';
import type { Executor } from '../../store/store.ts';

export const EHS_EVIDENCE_MAX_BYTES = 10 * 1024 * 1024;

export interface EvidenceUpload {
  bytes: Uint8Array;
  originalName: string;
}

export async function saveEvidenceFile(trx: Executor, files: FileStore, enterpriseId: number, upload: EvidenceUpload): Promise<Row<'files'>> {
  if (upload.bytes.byteLength === 0) throw invalid('evidence', 'the file is empty / 文件为空');
  if (upload.bytes.byteLength > EHS_EVIDENCE_MAX_BYTES) throw new AppError('PAYLOAD_TOO_LARGE', `evidence files are limited to ${EHS_EVIDENCE_MAX_BYTES / 1024 / 1024} MB / 证明材料不得超过10 MB`, { path: 'evidence' });
  const mediaType = sniffMediaType(upload.bytes);
  if (mediaType === undefined) throw new AppError('UNSUPPORTED_MEDIA_TYPE', 'evidence must be a PDF, PNG or JPEG file / 证明材料须为PDF、PNG或JPEG文件', { path: 'evidence' });
  return files.save(trx, { bytes: upload.bytes, originalName: upload.originalName, mediaType, enterpriseId });
}

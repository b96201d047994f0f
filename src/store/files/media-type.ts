/**
 * The type of an uploaded file, read from its first bytes (its "magic number"), never
 * from its name or the browser's claim: a renamed executable stays an executable.
 */
export const EVIDENCE_MEDIA_TYPES = ['application/pdf', 'image/png', 'image/jpeg'] as const;
export type EvidenceMediaType = (typeof EVIDENCE_MEDIA_TYPES)[number];

const SIGNATURES: readonly { type: EvidenceMediaType; bytes: readonly number[] }[] = [
  { type: 'application/pdf', bytes: [0x25, 0x50, 0x44, 0x46, 0x2d] }, // %PDF- (ISO 32000-1 §7.5.2)
  { type: 'image/png', bytes: [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a] }, // PNG signature (RFC 2083 §3.1)
  { type: 'image/jpeg', bytes: [0xff, 0xd8, 0xff] }, // SOI marker + next marker (ITU T.81 B.1.1.3)
];

export function sniffMediaType(bytes: Uint8Array): EvidenceMediaType | undefined {
  return SIGNATURES.find((s) => s.bytes.length <= bytes.length && s.bytes.every((b, i) => bytes[i] === b))?.type;
}

export const EXTENSION_OF: Record<EvidenceMediaType, string> = { 'application/pdf': 'pdf', 'image/png': 'png', 'image/jpeg': 'jpg' };

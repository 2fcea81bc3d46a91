import { createHash } from 'node:crypto';

export const EVIDENCE_MAX_BYTES = 5 * 1024 * 1024;

/** Allowed evidence types, recognised by their first bytes (the client's declared type is not trusted). */
const SIGNATURES: { mime: string; ext: string[]; test: (b: Buffer) => boolean }[] = [
  { mime: 'application/pdf', ext: ['pdf'], test: (b) => b.subarray(0, 5).toString('latin1') === '%PDF-' },
  { mime: 'image/png', ext: ['png'], test: (b) => b.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) },
  { mime: 'image/jpeg', ext: ['jpg', 'jpeg'], test: (b) => b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff },
  // Office Open XML documents are zip containers.
  { mime: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', ext: ['docx'], test: (b) => b[0] === 0x50 && b[1] === 0x4b },
  { mime: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', ext: ['xlsx'], test: (b) => b[0] === 0x50 && b[1] === 0x4b },
];

export type EvidenceCheck = { ok: true; mime: string; sha256: string } | { ok: false; reason: string };

export function checkEvidenceFile(filename: string, content: Buffer): EvidenceCheck {
  if (content.length === 0) return { ok: false, reason: 'the file is empty' };
  if (content.length > EVIDENCE_MAX_BYTES) return { ok: false, reason: `the file is larger than ${EVIDENCE_MAX_BYTES / 1024 / 1024} MB` };
  const ext = filename.toLowerCase().split('.').pop() ?? '';
  const match = SIGNATURES.find((s) => s.ext.includes(ext));
  if (!match) return { ok: false, reason: `only ${SIGNATURES.flatMap((s) => s.ext).join(', ')} files are accepted` };
  if (!match.test(content)) return { ok: false, reason: `the content is not a real .${ext} file` };
  return { ok: true, mime: match.mime, sha256: createHash('sha256').update(content).digest('hex') };
}

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

type Refusal = 'REGISTRATION_EVIDENCE_FILE_EMPTY' | 'REGISTRATION_EVIDENCE_FILE_TOO_LARGE' | 'REGISTRATION_EVIDENCE_FILE_TYPE' | 'REGISTRATION_EVIDENCE_FILE_NOT_GENUINE';

/** Accepted, or refused with an error code and the params its message needs. */
export type EvidenceCheck = { ok: true; mime: string; sha256: string } | { ok: false; code: Refusal; params: Record<string, string | number> };

export function checkEvidenceFile(filename: string, content: Buffer): EvidenceCheck {
  if (content.length === 0) return { ok: false, code: 'REGISTRATION_EVIDENCE_FILE_EMPTY', params: {} };
  if (content.length > EVIDENCE_MAX_BYTES) return { ok: false, code: 'REGISTRATION_EVIDENCE_FILE_TOO_LARGE', params: { maxMb: EVIDENCE_MAX_BYTES / 1024 / 1024 } };
  const ext = filename.toLowerCase().split('.').pop() ?? '';
  const match = SIGNATURES.find((s) => s.ext.includes(ext));
  if (!match) return { ok: false, code: 'REGISTRATION_EVIDENCE_FILE_TYPE', params: { allowed: SIGNATURES.flatMap((s) => s.ext).join(', ') } };
  if (!match.test(content)) return { ok: false, code: 'REGISTRATION_EVIDENCE_FILE_NOT_GENUINE', params: { ext } };
  return { ok: true, mime: match.mime, sha256: createHash('sha256').update(content).digest('hex') };
}

/** The stored name of an evidence file (the one rule of every upload's stored name). */
export { storedFileName as evidenceFileName } from '../../common/files/file-name';

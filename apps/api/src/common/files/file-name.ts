// Control characters and the bidirectional overrides/isolates/marks that can make `invoice‮fdp.exe` read as a PDF.
const UNSAFE_NAME_CHARS = /[\p{Cc}\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069]/gu;
const MAX_NAME_LENGTH = 200;

/** The stored name of an uploaded file: unsafe characters removed, at most 200 characters, the extension kept. */
export function storedFileName(original: string): string {
  const cleaned = original.replace(UNSAFE_NAME_CHARS, '').replace(/[\\/]/g, '_').trim() || 'file';
  if (cleaned.length <= MAX_NAME_LENGTH) return cleaned;
  const dot = cleaned.lastIndexOf('.');
  const ext = dot > 0 && cleaned.length - dot <= 10 ? cleaned.slice(dot) : '';
  return Array.from(cleaned.slice(0, MAX_NAME_LENGTH - ext.length)).join('') + ext;
}

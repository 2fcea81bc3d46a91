import { evidenceFileName } from './evidence-files';

describe('evidenceFileName', () => {
  it('strips control and bidirectional characters, so a name cannot pretend to another extension', () => {
    expect(evidenceFileName('invoice\u202Efdp.exe')).toBe('invoicefdp.exe');
    expect(evidenceFileName('报价\u0000单\u200F.pdf')).toBe('报价单.pdf');
    expect(evidenceFileName('../../etc/passwd.png')).toBe('.._.._etc_passwd.png');
  });
  it('keeps the extension when a long name is shortened to 200 characters', () => {
    const name = evidenceFileName(`${'会'.repeat(300)}.docx`);
    expect(name).toHaveLength(200);
    expect(name.endsWith('.docx')).toBe(true);
  });
  it('never answers an empty name', () => {
    expect(evidenceFileName('\u202E\u0007')).toBe('file');
  });
});

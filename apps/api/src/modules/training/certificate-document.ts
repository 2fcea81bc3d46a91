import type { Certification, Locale } from '@partnerline/domain';
import { escapeHtml as esc } from '../../common/http/html';

const L = {
  en: {
    heading: 'Certificate of Qualification',
    certifies: 'This certifies that',
    of: 'of',
    completed: 'has completed the required course path and is certified as',
    roles: { sales: 'Sales', presales: 'Presales', service: 'Service' },
    line: 'Product line',
    earned: 'Earned on',
    valid: 'Valid until',
    code: 'Verification code',
    verify: 'Verify this certificate at',
    status: { active: 'Valid', expiring: 'Valid (expiring soon)', expired: 'Expired', revoked: 'Revoked' },
    print: 'Print',
  },
  'zh-CN': {
    heading: '资格认证证书',
    certifies: '兹证明',
    of: '（所属合作伙伴：',
    completed: '）已完成规定的认证课程，获得以下认证：',
    roles: { sales: '销售', presales: '售前', service: '服务' },
    line: '产品线',
    earned: '获得日期',
    valid: '有效期至',
    code: '验证码',
    verify: '验证地址',
    status: { active: '有效', expiring: '有效（即将到期）', expired: '已过期', revoked: '已撤销' },
    print: '打印',
  },
} as const;

/**
 * A printable certificate (HTML, A4 landscape) in zh-CN or en; the verification URL lets anyone check it.
 * The print button is wired by a script element: the CSP forbids inline event-handler attributes.
 */
export function renderCertificate(c: Certification, locale: Locale, verifyUrl: string): string {
  const t = L[locale];
  const zh = locale === 'zh-CN';
  return `<!doctype html>
<html lang="${locale}"><head><meta charset="utf-8"><title>${esc(t.heading)} · ${esc(c.code)}</title>
<style>
  @page { size: A4 landscape; margin: 12mm; }
  body { font-family: "Noto Sans CJK SC", "PingFang SC", "Microsoft YaHei", system-ui, sans-serif; color: #1a1b1e; margin: 0; background: #f1f3f5; }
  .sheet { background: #fff; max-width: 1000px; margin: 24px auto; padding: 48px 64px; border: 10px double #1c7ed6; text-align: center; }
  h1 { font-size: 34px; letter-spacing: ${zh ? '0.3em' : '0.05em'}; margin: 0 0 24px; color: #1864ab; }
  .name { font-size: 30px; font-weight: 700; margin: 12px 0; }
  .cert { font-size: 24px; font-weight: 600; margin: 16px 0 4px; }
  .meta { display: flex; justify-content: center; gap: 48px; margin-top: 32px; font-size: 15px; }
  .meta div span { display: block; color: #868e96; font-size: 12px; }
  .status { display: inline-block; margin-top: 16px; padding: 4px 12px; border-radius: 4px; background: ${c.status === 'revoked' || c.status === 'expired' ? '#ffe3e3' : '#d3f9d8'}; }
  .verify { margin-top: 28px; font-size: 12px; color: #495057; }
  .print { position: fixed; top: 12px; right: 12px; }
  @media print { .print { display: none; } body { background: #fff; } .sheet { margin: 0; } }
</style></head>
<body><button class="print" id="print">${esc(t.print)}</button>
<script src="/api/documents/print.js"></script>
<div class="sheet">
  <h1>${esc(t.heading)}</h1>
  <div>${esc(t.certifies)}</div>
  <div class="name">${esc(c.holderName)}</div>
  <div>${zh ? `${esc(t.of)}${esc(c.partnerName)}${esc(t.completed)}` : `${esc(t.of)} ${esc(c.partnerName)} ${esc(t.completed)}`}</div>
  <div class="cert">${esc(c.name)}</div>
  <div>${esc(t.roles[c.jobRole])} · ${esc(t.line)} ${esc(c.productLineCode)}</div>
  <div class="status">${esc(t.status[c.status])}</div>
  <div class="meta">
    <div><span>${esc(t.earned)}</span>${esc(c.earnedOn)}</div>
    <div><span>${esc(t.valid)}</span>${esc(c.expiresOn)}</div>
    <div><span>${esc(t.code)}</span><strong>${esc(c.code)}</strong></div>
  </div>
  <div class="verify">${esc(t.verify)} ${esc(verifyUrl)}</div>
</div></body></html>`;
}

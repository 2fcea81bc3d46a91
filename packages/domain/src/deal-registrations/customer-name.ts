/**
 * Customer-name matching for conflict detection (DOMAIN §5). Names are normalised before they are compared:
 * full/half width, case, brackets, region prefixes, legal-form suffixes and generic words are removed, because
 * those are what make "北京字节跳动科技有限公司" and "字节跳动（北京）科技有限公司" — or "Acme Corp" and
 * "ACME Corporation Ltd" — look different while naming the same customer (and make unrelated names look alike).
 */

// Longest first, so "股份有限公司" is removed before "有限公司".
const CN_LEGAL = ['股份有限公司', '有限责任公司', '集团有限公司', '集团股份有限公司', '有限公司', '股份公司', '集团公司', '集团', '公司', '分公司', '总公司'].sort((a, b) => b.length - a.length);
// Generic industry words carry no identity ("科技" is in thousands of names).
const CN_GENERIC = ['科技', '技术', '信息', '网络', '软件', '数据', '智能', '数字', '电子', '实业', '发展', '控股', '国际', '中国', '贸易', '服务', '咨询', '工程'];
const CN_REGIONS = [
  '北京', '天津', '上海', '重庆', '河北', '山西', '内蒙古', '辽宁', '吉林', '黑龙江', '江苏', '浙江', '安徽', '福建', '江西', '山东', '河南', '湖北', '湖南',
  '广东', '广西', '海南', '四川', '贵州', '云南', '西藏', '陕西', '甘肃', '青海', '宁夏', '新疆', '香港', '澳门', '台湾',
  '深圳', '广州', '杭州', '南京', '苏州', '成都', '武汉', '西安', '厦门', '青岛', '宁波', '大连', '沈阳', '长沙', '郑州', '济南', '合肥', '福州', '昆明', '无锡', '东莞', '佛山',
].sort((a, b) => b.length - a.length);
const LATIN_NOISE = new Set([
  'co', 'company', 'corp', 'corporation', 'inc', 'incorporated', 'ltd', 'limited', 'llc', 'plc', 'gmbh', 'ag', 'sa', 'bv', 'pte', 'pty', 'sdn', 'bhd', 'jsc', 'pt', 'the', 'and',
  'group', 'holding', 'holdings', 'international', 'intl', 'technology', 'technologies', 'tech', 'solutions', 'systems', 'services', 'global',
]);

const CJK = /[\u3400-\u9fff]/;

export function normaliseCustomerName(raw: string): string {
  const full = normaliseFully(raw);
  if (full) return full;
  // A name made only of region and generic words ("北京数字科技有限公司") keeps those words rather than vanish.
  const light = raw.normalize('NFKC').toLowerCase().replace(/[\s\p{P}\p{S}]/gu, '');
  return CN_LEGAL.reduce((acc, w) => (acc.endsWith(w) ? acc.slice(0, -w.length) : acc), light);
}

function normaliseFully(raw: string): string {
  let s = raw.normalize('NFKC').toLowerCase().trim();
  // Bracketed parts are usually a region or a legal note: （北京）, (Beijing), 【…】.
  s = s.replace(/[(（[【][^)）\]】]*[)）\]】]/g, ' ');
  if (CJK.test(s)) {
    s = s.replace(/[\s\p{P}\p{S}]/gu, '');
    for (const w of CN_LEGAL) if (s.endsWith(w)) s = s.slice(0, -w.length);
    for (const w of CN_LEGAL) s = s.split(w).join('');
    let changed = true;
    while (changed) {
      changed = false;
      for (const r of CN_REGIONS) {
        for (const form of [`${r}市`, `${r}省`, r]) {
          if (s.startsWith(form) && s.length > form.length + 1) {
            s = s.slice(form.length);
            changed = true;
          }
        }
      }
    }
    for (const w of CN_GENERIC) s = s.split(w).join('');
    return s;
  }
  return s
    .replace(/&/g, ' and ')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .split(' ')
    .filter((w) => w && !LATIN_NOISE.has(w))
    .join(' ');
}

function bigrams(s: string): Map<string, number> {
  const compact = ` ${s.replace(/\s+/g, ' ')} `;
  const out = new Map<string, number>();
  for (let i = 0; i < compact.length - 1; i++) {
    const g = compact.slice(i, i + 2);
    out.set(g, (out.get(g) ?? 0) + 1);
  }
  return out;
}

/** Sørensen–Dice similarity of character bigrams of the normalised names: 1 is the same name, 0 nothing shared. */
export function nameSimilarity(a: string, b: string): number {
  const x = normaliseCustomerName(a);
  const y = normaliseCustomerName(b);
  if (!x || !y) return 0;
  if (x === y) return 1;
  const bx = bigrams(x);
  const by = bigrams(y);
  let shared = 0;
  let total = 0;
  for (const [g, n] of bx) {
    shared += Math.min(n, by.get(g) ?? 0);
    total += n;
  }
  for (const n of by.values()) total += n;
  return Math.round(((2 * shared) / total) * 1000) / 1000;
}

/** Domain as an identity key: lower case, no scheme, no www., no path. */
export function normaliseDomain(raw: string): string {
  return raw.trim().toLowerCase().replace(/^https?:\/\//, '').replace(/^www\./, '').replace(/[/?#].*$/, '');
}

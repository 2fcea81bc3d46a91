import { Converter } from 'opencc-js/t2cn';

/**
 * Is this the same customer? (DOMAIN §5, duplicate customer.) A company name is read as its parts —
 * explicit regions, a brand, business words, a legal form — rather than compared as one string, because the parts
 * play different roles:
 * - the legal form and spelling (traditional/simplified, full/half width, brackets, case, accents, punctuation) never
 *   distinguish two customers, so they are folded away;
 * - the brand carries the identity: it must be (almost) the same — a typing slip in a long Latin brand is tolerated,
 *   one different Chinese character is another company (华信 ≠ 华新);
 * - business words (科技, 软件, 银行, Logistics, Capital …) may be omitted by one side, but when both sides state them and
 *   they differ, these are two companies (华信科技 ≠ 华信软件, Summit Capital ≠ Summit Health);
 * - explicit regions must be compatible (a city lies in its province); a name made only of a region and business
 *   words (浙江大学, 上海银行, Bank of China) is only the same when regions and words are all the same.
 * The policy threshold applies to the similarity of Latin brands (1 − edit distance / length); Chinese brands must be equal.
 */

export interface ParsedCustomerName {
  script: 'cjk' | 'latin';
  /** Regions named in the name (canonical: 北京, 深圳 …), in order of appearance. */
  regions: string[];
  /** The identity-bearing part, folded. Empty for a name made only of regions and business words. */
  brand: string;
  /** Business words and descriptors (集团, Holdings …) stated by the name: one side may omit them, both stating different ones is two companies. */
  business: string[];
  /** The canonical form stored for candidate retrieval: the brand, or regions + business words when there is none. */
  core: string;
}

export interface CustomerMatch {
  match: boolean;
  /** Brand similarity, 0–1 (1 = the same brand). */
  score: number;
  reason: 'same_customer' | 'brand_differs' | 'business_differs' | 'region_differs' | 'generic_name_differs' | 'empty';
  a: ParsedCustomerName;
  b: ParsedCustomerName;
}

const toSimplified = Converter({ from: 't', to: 'cn' });
const toSimplifiedHk = Converter({ from: 'hk', to: 'cn' });

const CJK = /[\u3400-\u9fff]/;

// Chinese legal forms, longest first (stripped at the end, repeatedly).
const CN_LEGAL = ['股份有限公司', '有限责任公司', '股份公司', '有限公司', '总公司', '公司'];
// Descriptors: may be omitted like business words; 集团 vs 物业 on both sides still means two companies.
const CN_DESCRIPTORS = ['集团', '控股', '实业', '发展', '国际', '股份', '中国'];
// Business words: what the company does. Unknown words stay in the brand (stricter, never looser).
const CN_BUSINESS = [
  '科技', '技术', '信息', '网络', '软件', '数据', '智能', '数字', '电子', '贸易', '服务', '咨询', '工程', '物流', '银行', '保险',
  '证券', '信托', '基金', '投资', '金融', '大学', '学院', '医学院', '研究院', '设计院', '医院', '医药', '制药', '药业', '地产', '置业', '物业', '酒店',
  '餐饮', '建材', '农业', '环保', '教育', '传媒', '文化', '汽车', '客车', '能源', '新能源', '化工', '纺织', '电气', '电力', '电器', '电网', '通信', '通讯',
  '机械', '设备', '材料', '生物', '医疗', '系统', '工业', '重工', '半导体', '航空', '物联', '旅游', '港口', '玻璃', '机器人', '导航', '视像', '天线',
  '光电', '计算机', '食品', '饮料', '啤酒', '乳业', '钢铁', '矿业', '石油', '化学', '建设', '建筑', '交通', '运输', '移动', '电信', '商贸', '商业',
  '零售', '超市', '百货', '家居', '家电', '服饰', '印刷', '包装', '安防', '节能', '水务', '燃气', '热力', '电缆', '光伏', '风电', '硅业', '精密',
  '制造', '电子商务', '集成电路', '新材料', '环境', '检测', '认证', '管理', '人力资源', '广告', '出版', '影视', '游戏', '体育', '健康',
  '养老', '物资', '粮油', '木业', '造纸', '船舶', '航运', '快递', '租赁', '担保', '典当', '期货', '资产', '财富', '置地', '创新',
].sort((a, b) => b.length - a.length);

// Provinces and their major cities: a city named in one name is compatible with its province in the other.
const CN_PROVINCE_CITIES: Record<string, string[]> = {
  北京: [], 天津: [], 上海: [], 重庆: [], 香港: [], 澳门: [], 台湾: ['台北'],
  河北: ['石家庄', '唐山', '保定', '廊坊', '邯郸'], 山西: ['太原', '大同'], 内蒙古: ['呼和浩特', '包头', '鄂尔多斯'],
  辽宁: ['沈阳', '大连', '鞍山'], 吉林: ['长春'], 黑龙江: ['哈尔滨', '大庆'],
  江苏: ['南京', '苏州', '无锡', '常州', '南通', '徐州', '扬州', '镇江', '昆山'], 浙江: ['杭州', '宁波', '温州', '绍兴', '嘉兴', '金华', '台州', '湖州'],
  安徽: ['合肥', '芜湖'], 福建: ['福州', '厦门', '泉州'], 江西: ['南昌', '赣州'], 山东: ['济南', '青岛', '烟台', '潍坊', '淄博', '威海'],
  河南: ['郑州', '洛阳'], 湖北: ['武汉', '宜昌', '襄阳'], 湖南: ['长沙', '株洲'], 广东: ['广州', '深圳', '东莞', '佛山', '珠海', '中山', '惠州', '汕头'],
  广西: ['南宁', '柳州', '桂林'], 海南: ['海口', '三亚'], 四川: ['成都', '绵阳'], 贵州: ['贵阳'], 云南: ['昆明'], 西藏: ['拉萨'],
  陕西: ['西安'], 甘肃: ['兰州'], 青海: ['西宁'], 宁夏: ['银川'], 新疆: ['乌鲁木齐'],
};
const CITY_PROVINCE = new Map(Object.entries(CN_PROVINCE_CITIES).flatMap(([p, cities]) => cities.map((c) => [c, p] as const)));
const CN_REGION_FORMS: [string, string][] = [
  ...Object.keys(CN_PROVINCE_CITIES).flatMap((p) => [`${p}省`, `${p}市`, `${p}自治区`, `${p}特别行政区`, p].map((f) => [f, p] as [string, string])),
  ...[...CITY_PROVINCE.keys()].flatMap((c) => [`${c}市`, c].map((f) => [f, c] as [string, string])),
].sort((a, b) => b[0].length - a[0].length);

// Latin: legal forms (stripped at the end), stop words, descriptors and business words.
const LATIN_LEGAL = new Set([
  'inc', 'incorporated', 'corp', 'corporation', 'co', 'company', 'ltd', 'limited', 'llc', 'llp', 'lp', 'plc', 'gmbh', 'ag', 'aktiengesellschaft',
  'sa', 'sas', 'sarl', 'spa', 'srl', 'se', 'nv', 'bv', 'pte', 'pty', 'private', 'sdn', 'bhd', 'kk', 'oy', 'ab', 'asa', 'kg', 'jsc', 'pjsc', 'ojsc', 'tbk', 'pt',
]);
const LATIN_STOP = new Set(['the', 'and', 'of', 'de', 'la', 'le', 'der', 'die', 'das', 'y', 'et', 'und']);
const LATIN_DESCRIPTORS = new Set(['group', 'grp', 'holding', 'holdings', 'international', 'intl', 'global', 'worldwide', 'enterprises', 'companies']);
const LATIN_BUSINESS = new Set([
  'logistics', 'capital', 'partners', 'bank', 'banking', 'airlines', 'airline', 'air', 'airways', 'insurance', 'assurance', 'software', 'systems', 'foods',
  'food', 'motors', 'motor', 'media', 'realty', 'pharma', 'pharmaceuticals', 'pharmaceutical', 'energy', 'health', 'healthcare', 'medical', 'services',
  'service', 'solutions', 'technologies', 'technology', 'tech', 'consulting', 'consultancy', 'engineering', 'construction', 'trading', 'traders',
  'networks', 'network', 'telecom', 'telecommunications', 'communications', 'resources', 'mining', 'chemicals', 'chemical', 'electronics', 'electric',
  'electrical', 'industries', 'industrial', 'manufacturing', 'mfg', 'financial', 'finance', 'securities', 'investments', 'investment', 'university',
  'college', 'institute', 'school', 'hospital', 'clinic', 'research', 'analytics', 'data', 'digital', 'labs', 'laboratories', 'biotech', 'bio',
  'shipping', 'transport', 'transportation', 'freight', 'aviation', 'aerospace', 'automotive', 'dynamics', 'robotics', 'instruments', 'materials',
  'textiles', 'cosmetics', 'furniture', 'farms', 'dairy', 'paper', 'publishing', 'publishers', 'travel', 'hospitality', 'hotels', 'estates', 'properties',
  'property', 'utilities', 'power', 'gas', 'oil', 'petroleum', 'steel', 'metals', 'cycles', 'toys', 'video', 'vineyard', 'importers', 'exporters',
  'messenger', 'retail', 'stores', 'supermarkets', 'markets', 'credit', 'union', 'trust', 'life', 'dental', 'rentals', 'optics', 'security', 'apparel',
]);

const trimSpaces = (s: string) => s.replace(/\s+/g, ' ').trim();

/** Reads a customer name into its parts (see the file comment). Pure; the same on server and client. */
export function parseCustomerName(raw: string): ParsedCustomerName {
  const nfkc = raw.normalize('NFKC');
  return CJK.test(nfkc) ? parseChinese(nfkc) : parseLatin(nfkc);
}

function parseChinese(nfkc: string): ParsedCustomerName {
  let s = toSimplifiedHk(toSimplified(nfkc)).toLowerCase();
  const regions: string[] = [];
  // Bracketed parts are a region, a descriptor (集团/中国) or a note: the region is kept, the rest dropped.
  s = s.replace(/[(（[【〔]([^)）\]】〕]*)[)）\]】〕]/g, (_: string, inner: string) => {
    const r = regionOf(inner.replace(/\s/g, ''));
    if (r) regions.push(r);
    return '';
  });
  s = s.replace(/[\s\p{P}\p{S}]/gu, '');
  s = stripSuffixes(s, CN_LEGAL);
  // Regions at the start (北京市…, 广东省深圳市…) and at the end (…上海有限公司), repeatedly.
  for (let changed = true; changed; ) {
    changed = false;
    for (const [form, region] of CN_REGION_FORMS) {
      if (s.startsWith(form) && s.length > form.length) {
        regions.push(region);
        s = s.slice(form.length);
        changed = true;
      } else if (s.endsWith(form) && s.length > form.length) {
        regions.push(region);
        s = s.slice(0, -form.length);
        changed = true;
      }
    }
    for (const d of ['中国']) {
      if (s.startsWith(d) && s.length > d.length) {
        regions.push(d);
        s = s.slice(d.length);
        changed = true;
      }
    }
    const stripped = stripSuffixes(s, CN_LEGAL);
    if (stripped !== s) {
      s = stripped;
      changed = true;
    }
  }
  // Business words and descriptors at the end, repeatedly; the rest is the brand.
  const business: string[] = [];
  for (let changed = true; changed && s; ) {
    changed = false;
    const w = CN_DESCRIPTORS.find((x) => s.endsWith(x)) ?? CN_BUSINESS.find((x) => s.endsWith(x));
    if (w) {
      business.unshift(w);
      s = s.slice(0, -w.length);
      changed = true;
    }
  }
  const brand = s;
  return { script: 'cjk', regions: unique(regions), brand, business, core: brand || [...unique(regions), ...business].join('') };
}

function regionOf(text: string): string | null {
  for (const [form, region] of CN_REGION_FORMS) if (text === form) return region;
  return text === '中国' ? '中国' : null;
}

function stripSuffixes(s: string, suffixes: string[]): string {
  for (let changed = true; changed; ) {
    changed = false;
    for (const w of suffixes) {
      if (s.endsWith(w) && s.length > w.length) {
        s = s.slice(0, -w.length);
        changed = true;
      }
    }
  }
  return s;
}

function parseLatin(nfkc: string): ParsedCustomerName {
  let s = nfkc.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase();
  s = s.replace(/[(（[【][^)）\]】]*[)）\]】]/g, ' ');
  s = s.replace(/['’`]/g, '').replace(/&/g, ' and ');
  // Dotted abbreviations (S.A., N.V., L.L.C.) become one token.
  s = s.replace(/\b((?:[a-z]\.){2,})/g, (m) => m.replace(/\./g, ''));
  let tokens = trimSpaces(s.replace(/[^\p{L}\p{N}]+/gu, ' ')).split(' ').filter(Boolean);
  tokens = tokens.filter((t) => !LATIN_STOP.has(t));
  while (tokens.length > 1 && LATIN_LEGAL.has(tokens[tokens.length - 1])) tokens.pop();
  const brandTokens: string[] = [];
  const business: string[] = [];
  for (const t of tokens) {
    if (LATIN_BUSINESS.has(t) || LATIN_DESCRIPTORS.has(t)) business.push(t);
    else brandTokens.push(t);
  }
  const brand = brandTokens.join(' ');
  return { script: 'latin', regions: [], brand, business, core: brand || business.join(' ') };
}

function unique<T>(xs: T[]): T[] {
  return [...new Set(xs)];
}

/** Optimal-string-alignment distance (Levenshtein with adjacent transpositions). */
export function editDistance(a: string, b: string): number {
  const x = [...a];
  const y = [...b];
  const d: number[][] = Array.from({ length: x.length + 1 }, (_, i) => [i, ...Array<number>(y.length).fill(0)]);
  for (let j = 1; j <= y.length; j++) d[0][j] = j;
  for (let i = 1; i <= x.length; i++) {
    for (let j = 1; j <= y.length; j++) {
      const cost = x[i - 1] === y[j - 1] ? 0 : 1;
      d[i][j] = Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + cost);
      if (i > 1 && j > 1 && x[i - 1] === y[j - 2] && x[i - 2] === y[j - 1]) d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
    }
  }
  return d[x.length][y.length];
}

/** 1 − edit distance / longer length, on the brand without spaces: 1 is the same brand. */
export function brandSimilarity(a: string, b: string): number {
  const x = a.replace(/\s+/g, '');
  const y = b.replace(/\s+/g, '');
  if (!x && !y) return 1;
  if (!x || !y) return 0;
  const len = Math.max([...x].length, [...y].length);
  return Math.round((1 - editDistance(x, y) / len) * 1000) / 1000;
}

function regionsCompatible(a: string[], b: string[]): boolean {
  if (a.length === 0 || b.length === 0) return true;
  const within = (x: string, y: string) => x === y || x === '中国' || y === '中国' || CITY_PROVINCE.get(y) === x || CITY_PROVINCE.get(x) === y;
  return a.some((x) => b.some((y) => within(x, y)));
}

function businessCompatible(a: string[], b: string[]): boolean {
  if (a.length === 0 || b.length === 0) return true;
  const sa = new Set(a);
  const sb = new Set(b);
  return a.every((w) => sb.has(w)) || b.every((w) => sa.has(w));
}

function sameSet(a: string[], b: string[]): boolean {
  return a.length === b.length && a.every((x) => b.includes(x));
}

/** The verdict on two customer names, with the parts and the brand score that a manager is shown. */
export function customerNamesMatch(a: string, b: string, options: { threshold: number }): CustomerMatch {
  const pa = parseCustomerName(a);
  const pb = parseCustomerName(b);
  const verdict = (match: boolean, score: number, reason: CustomerMatch['reason']): CustomerMatch => ({ match, score, reason, a: pa, b: pb });
  if (!pa.core || !pb.core) return verdict(false, 0, 'empty');
  if (!pa.brand || !pb.brand) {
    // A name made only of regions and business words is a generic name: all of it must agree.
    const same = !pa.brand && !pb.brand && sameSet(pa.regions, pb.regions) && sameSet(pa.business, pb.business);
    return verdict(same, same ? 1 : 0, same ? 'same_customer' : 'generic_name_differs');
  }
  const score = brandSimilarity(pa.brand, pb.brand);
  // A Chinese brand is a registered name: one different character is another company, so only the same brand passes.
  const needed = pa.script === 'cjk' || pb.script === 'cjk' ? 1 : options.threshold;
  if (score < needed) return verdict(false, score, 'brand_differs');
  if (!businessCompatible(pa.business, pb.business)) return verdict(false, score, 'business_differs');
  if (!regionsCompatible(pa.regions, pb.regions)) return verdict(false, score, 'region_differs');
  return verdict(true, score, 'same_customer');
}

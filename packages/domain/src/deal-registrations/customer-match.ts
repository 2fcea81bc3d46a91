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
  /** Where the company is registered (a prefix, a bracket): may be omitted by one side, must be compatible. */
  regions: string[];
  /** A region inside or after the brand (国网江苏省电力, …总公司江苏省公司, …集团广东有限公司): names a branch or regional unit. */
  branchRegions: string[];
  /** The identity-bearing part, folded. Empty for a name made only of regions and business words. */
  brand: string;
  /** Business words (科技, 银行, Logistics, University …), folded to one spelling. */
  business: string[];
  /** Descriptors (集团, 控股, Group, Holdings …): one side may omit them. */
  descriptors: string[];
  /** An affiliation prefix (上海交通大学医学院附属 …, 中国医学科学院): one side may omit it. */
  affiliation: string;
  /** The name carries a legal form (有限公司, Inc., AG …): it is a full registered name. */
  formal: boolean;
  /** The canonical form stored for candidate retrieval: the brand, or regions + business words when there is none. */
  core: string;
}

export interface CustomerMatch {
  match: boolean;
  /** Brand similarity, 0–1 (1 = the same brand). */
  score: number;
  reason: 'same_customer' | 'brand_differs' | 'business_differs' | 'region_differs' | 'generic_name_differs' | 'affiliation_differs' | 'empty';
  a: ParsedCustomerName;
  b: ParsedCustomerName;
}

const toSimplified = Converter({ from: 't', to: 'cn' });
const toSimplifiedHk = Converter({ from: 'hk', to: 'cn' });

const CJK = /[\u3400-\u9fff]/;

// Chinese legal forms, longest first (stripped at the end, repeatedly).
const CN_LEGAL = ['股份有限公司', '有限责任公司', '股份公司', '有限公司', '总公司', '公司', '分公司'];
// Descriptors: may be omitted by one side.
const CN_DESCRIPTORS = ['集团', '控股', '实业', '发展', '国际', '股份'];
// Prefixes that say who founded an institution, not which one it is.
const CN_PREFIX_DESCRIPTORS = ['国立', '省立', '市立', '私立'];
// Institutions: their qualifiers distinguish them (university vs university of technology), so these words must agree.
const CN_INSTITUTIONS = ['大学', '学院', '医学院', '医院', '研究所', '研究院', '学校', '中学', '小学'];
// Business words: what the company does. Unknown words stay in the brand (stricter, never looser).
const CN_BUSINESS = [
  ...CN_INSTITUTIONS, '科技', '技术', '信息', '网络', '软件', '数据', '智能', '数字', '电子', '贸易', '服务', '咨询', '工程', '物流', '银行', '保险',
  '证券', '信托', '基金', '投资', '金融', '设计院', '医药', '制药', '药业', '地产', '置业', '物业', '酒店', '餐饮', '建材', '农业', '环保', '教育', '传媒',
  '文化', '汽车', '客车', '能源', '新能源', '化工', '纺织', '电气', '电力', '电器', '电网', '通信', '通讯', '机械', '设备', '材料', '生物', '医疗', '系统',
  '工业', '重工', '半导体', '航空', '物联', '旅游', '港口', '玻璃', '机器人', '导航', '视像', '天线', '光电', '光学', '计算机', '食品', '饮料', '啤酒', '乳业',
  '钢铁', '矿业', '石油', '化学', '建设', '建筑', '交通', '运输', '移动', '电信', '商贸', '商业', '零售', '超市', '百货', '家居', '家电', '服饰', '印刷',
  '包装', '安防', '节能', '水务', '燃气', '热力', '电缆', '光伏', '风电', '硅业', '精密', '制造', '电子商务', '集成电路', '新材料', '环境', '检测', '认证',
  '管理', '人力资源', '广告', '出版', '影视', '游戏', '体育', '健康', '养老', '物资', '粮油', '木业', '造纸', '船舶', '航运', '快递', '租赁', '担保', '典当',
  '期货', '资产', '财富', '置地', '创新', '住宅', '机场', '储蓄', '集装箱', '海运', '安全', '音乐', '娱乐',
].sort((a, b) => b.length - a.length);
const CN_DIGITS: Record<string, string> = { 〇: '0', 零: '0', 一: '1', 二: '2', 三: '3', 四: '4', 五: '5', 六: '6', 七: '7', 八: '8', 九: '9' };

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

// Latin: legal forms (stripped at either end), stop words, descriptors, business words (folded to one spelling).
const LATIN_LEGAL = new Set([
  'inc', 'incorporated', 'corp', 'corporation', 'co', 'company', 'ltd', 'limited', 'llc', 'llp', 'lp', 'pllc', 'plc', 'public', 'gmbh', 'mbh', 'ag',
  'aktiengesellschaft', 'kg', 'kgaa', 'ohg', 'ug', 'ev', 'sa', 'sas', 'sarl', 'sca', 'snc', 'se', 'spa', 'srl', 'sl', 'slu', 'sau', 'nv', 'bv', 'cv', 'bvba',
  'pte', 'pty', 'pvt', 'private', 'sdn', 'bhd', 'kk', 'kabushiki', 'kaisha', 'yk', 'oy', 'oyj', 'abp', 'ab', 'aktiebolag', 'as', 'aps', 'asa',
  'aktieselskab', 'aksjeselskap', 'aktiebolaget', 'gaisha', 'kaisya', 'yugen', 'godo', 'jsc', 'pjsc', 'ojsc', 'tbk', 'pt', 'ltda', 'sro', 'kft', 'zrt', 'foundation', 'stiftung', 'fundacion', 'trust',
]);
// Abbreviations written out, so both spellings read the same.
const LATIN_ABBREVIATIONS: Record<string, string> = { st: 'saint', ste: 'sainte', mt: 'mount', ft: 'fort', hnos: 'hermanos', bros: 'brothers', natl: 'national', assn: 'association', mfrs: 'manufacturers' };
const LATIN_STOP = new Set(['the', 'and', 'of', 'de', 'del', 'la', 'le', 'les', 'der', 'die', 'das', 'den', 'y', 'et', 'und', 'och', 'og', 'for', 'in', 'at']);
const LATIN_DESCRIPTOR_FOLD: Record<string, string> = {
  group: 'group', groep: 'group', groupe: 'group', gruppe: 'group', grupo: 'group', gruppo: 'group', grp: 'group',
  holding: 'holding', holdings: 'holding', international: 'international', intl: 'international', internacional: 'international',
  internationale: 'international', global: 'global', kungliga: 'royal', kongelige: 'royal', koniglich: 'royal', royal: 'royal', worldwide: 'global', enterprises: 'enterprises', companies: 'enterprises',
  compagnie: 'compagnie', companhia: 'compagnie', compania: 'compagnie', cia: 'compagnie', koninklijke: 'royal',
};
const LATIN_INSTITUTION_FOLD: Record<string, string> = {
  university: 'university', univ: 'university', universitet: 'university', universiteit: 'university', universitat: 'university',
  universite: 'university', universidad: 'university', universita: 'university', universidade: 'university', uniwersytet: 'university',
  yliopisto: 'university', egyetem: 'university', univerzita: 'university', universitatea: 'university', universiti: 'university',
  daigaku: 'university', daxue: 'university',
  // A Hochschule / högskola is rendered in English as a university or an institute (of technology): either reads the same.
  hochschule: 'hochschule', hogskolan: 'hochschule', hogskola: 'hochschule', hogeschool: 'hochschule', hoyskole: 'hochschule',
  hojskole: 'hochschule', politecnico: 'polytechnic', politecnica: 'polytechnic', polytechnique: 'polytechnic', politechnika: 'polytechnic',
  instituut: 'institute', istituto: 'institute', institutet: 'institute', sjukhus: 'hospital', sykehus: 'hospital', krankenhaus: 'hospital',
  ziekenhuis: 'hospital', hopital: 'hospital', ospedale: 'hospital', byoin: 'hospital', hospitalet: 'hospital',
  college: 'college', institute: 'institute', institut: 'institute', instituto: 'institute', hospital: 'hospital',
  klinikum: 'hospital', clinic: 'clinic', school: 'school', academy: 'academy', akademie: 'academy', polytechnic: 'polytechnic',
};
const LATIN_BUSINESS_FOLD: Record<string, string> = {
  technische: 'technology', technical: 'technology', technology: 'technology', technologies: 'technology', technologie: 'technology',
  tecnologia: 'technology', teknologi: 'technology', tecnico: 'technology', tecnica: 'technology', technicka: 'technology',
  teknisk: 'technology', teknillinen: 'technology',
  // Romanised Japanese business words (Nissan Jidosha = Nissan Motor, Brother Kogyo = Brother Industries).
  kogyo: 'industries', sangyo: 'industries', jidosha: 'motor', denki: 'electric', shoji: 'trading', ginko: 'bank', shoken: 'securities',
  hoken: 'insurance', seiyaku: 'pharma', yakuhin: 'pharma', kagaku: 'chemicals', tekko: 'steel', kensetsu: 'construction',
  shokuhin: 'food', tsushin: 'communications', unyu: 'transport', kaiun: 'shipping', denryoku: 'power', seisakusho: 'manufacturing', tekniske: 'technology', tekniska: 'technology', tech: 'technology',
  pharmaceuticals: 'pharma', pharmaceutical: 'pharma', pharma: 'pharma', pharmazeutika: 'pharma', bank: 'bank', banking: 'bank', banco: 'bank',
  banque: 'bank', bancorp: 'bank', airlines: 'airline', airline: 'airline', airways: 'airline', insurance: 'insurance', assurance: 'insurance',
  versicherung: 'insurance', assurances: 'insurance', software: 'software', systems: 'systems', foods: 'food', food: 'food', motors: 'motor',
  motor: 'motor', media: 'media', realty: 'realty', energy: 'energy', energie: 'energy', health: 'health', healthcare: 'health', medical: 'medical',
  services: 'services', service: 'services', solutions: 'solutions', consulting: 'consulting', consultancy: 'consulting', engineering: 'engineering',
  construction: 'construction', trading: 'trading', traders: 'trading', networks: 'network', network: 'network', telecom: 'telecom',
  telecommunications: 'telecom', communications: 'communications', resources: 'resources', mining: 'mining', chemicals: 'chemicals',
  chemical: 'chemicals', chemie: 'chemicals', electronics: 'electronics', electric: 'electric', electrical: 'electric', industries: 'industries',
  industrial: 'industries', industrie: 'industries', manufacturing: 'manufacturing', mfg: 'manufacturing', financial: 'financial', finance: 'financial',
  securities: 'securities', investments: 'investment', investment: 'investment', capital: 'capital', partners: 'partners', logistics: 'logistics',
  research: 'research', analytics: 'analytics', data: 'data', digital: 'digital', labs: 'labs', laboratories: 'labs', biotech: 'biotech',
  shipping: 'shipping', transport: 'transport', transportation: 'transport', transportes: 'transport', freight: 'freight', aviation: 'aviation',
  aerospace: 'aerospace', automotive: 'automotive', dynamics: 'dynamics', robotics: 'robotics', instruments: 'instruments', materials: 'materials',
  textiles: 'textiles', cosmetics: 'cosmetics', furniture: 'furniture', farms: 'farms', dairy: 'dairy', paper: 'paper', publishing: 'publishing',
  publishers: 'publishing', travel: 'travel', hospitality: 'hospitality', hotels: 'hotels', estates: 'estates', properties: 'property',
  property: 'property', utilities: 'utilities', power: 'power', gas: 'gas', oil: 'oil', petroleum: 'oil', steel: 'steel', metals: 'metals',
  cycles: 'cycles', toys: 'toys', video: 'video', vineyard: 'vineyard', importers: 'importers', exporters: 'exporters', messenger: 'messenger',
  retail: 'retail', stores: 'retail', supermarkets: 'retail', markets: 'markets', credit: 'credit', union: 'union', life: 'life', dental: 'dental',
  rentals: 'rentals', optics: 'optics', security: 'security', apparel: 'apparel', entertainment: 'entertainment', music: 'music', advisors: 'advisors',
  advisers: 'advisors', management: 'management', house: 'house', equipment: 'equipment', machinery: 'machinery', electronic: 'electronics',
};
// Places: where a company is (omittable), or what tells two generic names apart (Bank of China vs Bank of America).
const LATIN_PLACES_FOLD: Record<string, string> = Object.fromEntries(
  [
    'china', 'america', 'american:america', 'usa', 'us', 'canada', 'mexico', 'brazil', 'argentina', 'chile', 'peru', 'colombia', 'uk', 'britain', 'england', 'scotland',
    'wales', 'ireland', 'france', 'germany', 'deutschland:germany', 'italy', 'italia:italy', 'spain', 'espana:spain', 'portugal', 'netherlands',
    'nederland:netherlands', 'holland:netherlands', 'belgium', 'switzerland', 'schweiz:switzerland', 'suisse:switzerland', 'austria', 'osterreich:austria',
    'denmark', 'danmark:denmark', 'danmarks:denmark', 'sweden', 'sverige:sweden', 'norway', 'norge:norway', 'finland', 'suomi:finland', 'poland',
    'polska:poland', 'russia', 'turkey', 'greece', 'israel', 'egypt', 'nigeria', 'kenya', 'africa', 'asia', 'europe', 'pacific', 'india', 'pakistan',
    'japan', 'nippon:japan', 'korea', 'taiwan', 'singapore', 'malaysia', 'indonesia', 'thailand', 'vietnam', 'philippines', 'australia', 'zealand',
    'hongkong', 'beijing', 'shanghai', 'shenzhen', 'guangzhou', 'tokyo', 'osaka', 'seoul', 'london', 'paris', 'berlin', 'munich', 'zurich', 'geneva',
    'madrid', 'barcelona', 'milan', 'rome', 'amsterdam', 'brussels', 'vienna', 'stockholm', 'oslo', 'copenhagen', 'helsinki', 'dublin', 'sydney',
    'melbourne', 'toronto', 'vancouver', 'montreal', 'chicago', 'boston', 'houston', 'dallas', 'atlanta', 'seattle', 'denver', 'miami', 'cleveland',
    'detroit', 'ohio', 'utah', 'texas', 'california', 'florida', 'michigan', 'minnesota', 'washington', 'oregon', 'arizona', 'nevada', 'colorado',
    'georgia', 'virginia', 'carolina', 'pennsylvania', 'massachusetts', 'illinois', 'indiana', 'iowa', 'kansas', 'kentucky', 'tennessee', 'alabama',
    'louisiana', 'oklahoma', 'missouri', 'wisconsin', 'maryland', 'delaware', 'connecticut', 'vermont', 'maine', 'hampshire', 'jersey', 'york',
    'peking:beijing', 'canton:guangzhou', 'macau', 'macao:macau', 'taipei', 'tianjin', 'chongqing', 'hebei', 'shanxi', 'liaoning', 'jilin',
    'heilongjiang', 'jiangsu', 'zhejiang', 'anhui', 'fujian', 'jiangxi', 'shandong', 'henan', 'hubei', 'hunan', 'guangdong', 'guangxi',
    'hainan', 'sichuan', 'guizhou', 'yunnan', 'tibet', 'shaanxi', 'gansu', 'qinghai', 'ningxia', 'xinjiang', 'nanjing', 'hangzhou', 'wuhan',
    'chengdu', 'xian', 'tianjin', 'dalian', 'qingdao', 'xiamen', 'suzhou', 'ningbo', 'harbin', 'changsha', 'zhengzhou', 'jinan', 'hefei',
    'fuzhou', 'kunming', 'shenyang', 'changchun', 'lanzhou', 'nanchang', 'nanning', 'guiyang', 'taiyuan', 'urumqi', 'wuxi', 'dongguan', 'foshan',
    'kobenhavn:copenhagen', 'helsingin:helsinki', 'munchen:munich', 'wien:vienna', 'koln:cologne', 'cologne', 'praha:prague', 'prague',
    'warszawa:warsaw', 'warsaw', 'goteborg:gothenburg', 'gothenburg', 'lisboa:lisbon', 'lisbon', 'roma:rome', 'milano:milan', 'firenze:florence',
    'florence', 'napoli:naples', 'naples', 'torino:turin', 'turin', 'venezia:venice', 'venice', 'geneve:geneva', 'genf:geneva', 'bruxelles:brussels',
    'brussel:brussels', 'antwerpen:antwerp', 'antwerp', 'moskva:moscow', 'moscow', 'athina:athens', 'athens', 'bucuresti:bucharest', 'bucharest',
    'beograd:belgrade', 'belgrade', 'sevilla:seville', 'seville', 'turun:turku', 'turku', 'tampereen:tampere', 'tampere', 'oulun:oulu', 'oulu',
    'alaska', 'hawaii', 'idaho', 'montana', 'wyoming', 'dakota', 'nebraska', 'arkansas', 'mississippi',
  ].map((e) => {
    const [k, v] = e.split(':');
    return [k, v ?? k];
  }),
);

const trimSpaces = (s: string) => s.replace(/\s+/g, ' ').trim();

const parsed = new Map<string, ParsedCustomerName>();

/** Reads a customer name into its parts (see the file comment). Pure; the same on server and client. */
export function parseCustomerName(raw: string): ParsedCustomerName {
  const known = parsed.get(raw);
  if (known) return known;
  const nfkc = raw.normalize('NFKC');
  const result = CJK.test(nfkc) ? parseChinese(nfkc) : parseLatin(nfkc);
  // A small memo: the same candidate names come back submission after submission.
  if (parsed.size > 5000) parsed.clear();
  parsed.set(raw, result);
  return result;
}

function parseChinese(nfkc: string): ParsedCustomerName {
  let s = toSimplifiedHk(toSimplified(nfkc)).toLowerCase();
  const regions: string[] = [];
  const branchRegions: string[] = [];
  const descriptors: string[] = [];
  // Bracketed parts: a region is kept as the registration place, a descriptor (集团) as a descriptor, anything else dropped.
  s = s.replace(/[(（[【〔]([^)）\]】〕]*)[)）\]】〕]/g, (_: string, inner: string) => {
    const text = inner.replace(/\s/g, '');
    const r = regionOf(text);
    if (r) regions.push(r);
    else if (CN_DESCRIPTORS.includes(text)) descriptors.push(text);
    return '';
  });
  s = s.replace(/[\s\p{P}\p{S}]/gu, '');
  // Runs of Chinese digits are numbers (三六零 = 360, 五八 = 58).
  s = s.replace(/[〇零一二三四五六七八九]{2,}/g, (run: string) => [...run].map((c) => CN_DIGITS[c]).join(''));
  // An affiliation prefix: …附属 (affiliated to), or a university/academy naming a hospital or institute inside it.
  let affiliation = '';
  const affiliated = s.match(/^(.+?附属)(.+)$/) ?? s.match(/^(.+?(?:大学|科学院|医学院))(.+(?:医院|研究所))$/);
  if (affiliated) {
    affiliation = affiliated[1].replace(/附属$/, '');
    s = affiliated[2];
  }
  for (const p of CN_PREFIX_DESCRIPTORS) if (s.startsWith(p) && s.length > p.length + 1) s = s.slice(p.length);
  const business: string[] = [];
  let formal = false;
  let brandStarted = false;
  for (let changed = true; changed && s; ) {
    changed = false;
    const legal = CN_LEGAL.find((w) => s.endsWith(w) && s.length > w.length);
    if (legal) {
      formal = true;
      s = s.slice(0, -legal.length);
      changed = true;
      continue;
    }
    const start = CN_REGION_FORMS.find(([form]) => s.startsWith(form) && s.length > form.length);
    if (start && !brandStarted) {
      regions.push(start[1]);
      s = s.slice(start[0].length);
      changed = true;
      continue;
    }
    if (!brandStarted && s.startsWith('中国') && s.length > 2) {
      regions.push('中国');
      s = s.slice(2);
      changed = true;
      continue;
    }
    brandStarted = true;
    // 中国 after the brand (微软中国) is where the company is; any other region after the brand names a branch or
    // regional unit (…集团广东有限公司, 国网江苏省电力).
    if (s.endsWith('中国') && s.length > 2) {
      regions.push('中国');
      s = s.slice(0, -2);
      changed = true;
      continue;
    }
    const end = CN_REGION_FORMS.find(([form]) => s.endsWith(form) && s.length > form.length);
    if (end) {
      branchRegions.push(end[1]);
      s = s.slice(0, -end[0].length);
      changed = true;
      continue;
    }
    const d = CN_DESCRIPTORS.find((w) => s.endsWith(w) && s.length > w.length);
    if (d) {
      descriptors.push(d);
      s = s.slice(0, -d.length);
      changed = true;
      continue;
    }
    const w = CN_BUSINESS.find((x) => s.endsWith(x));
    if (w) {
      business.unshift(w);
      s = s.slice(0, -w.length);
      changed = true;
    }
  }
  // A region inside the brand (中国铁路北京局) also names a regional unit.
  for (const [form, region] of CN_REGION_FORMS) {
    const at = s.indexOf(form);
    if (at > 0 && s.length - form.length >= 2) {
      branchRegions.push(region);
      s = s.slice(0, at) + s.slice(at + form.length);
      break;
    }
  }
  const brand = s;
  return {
    script: 'cjk',
    regions: unique(regions),
    branchRegions: unique(branchRegions),
    brand,
    business,
    descriptors: unique(descriptors),
    affiliation,
    formal,
    core: brand || [...unique(regions), ...unique(branchRegions), ...business].join(''),
  };
}

function regionOf(text: string): string | null {
  for (const [form, region] of CN_REGION_FORMS) if (text === form) return region;
  return text === '中国' ? '中国' : null;
}

/** Letters written two ways across languages (ø/o, æ/ae, é/e, ß/ss): folded to one spelling for comparison. */
function foldLatin(s: string): string {
  return s
    .replace(/[øØ]/g, 'o')
    .replace(/[æÆ]/g, 'ae')
    .replace(/[œŒ]/g, 'oe')
    .replace(/ß/g, 'ss')
    .replace(/[łŁ]/g, 'l')
    .replace(/[đĐ]/g, 'd')
    .replace(/þ/g, 'th')
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase();
}

const tableKeys = new Map<Record<string, string>, string[]>();

function lookup(token: string, table: Record<string, string>): string | undefined {
  if (table[token]) return table[token];
  let keys = tableKeys.get(table);
  if (!keys) tableKeys.set(table, (keys = Object.keys(table).filter((k) => k.length >= 7)));
  // A typing slip in a long word still finds it (industires → industries).
  const allowed = token.length >= 10 ? 2 : token.length >= 8 ? 1 : 0;
  if (allowed) for (const k of keys) if (Math.abs(k.length - token.length) <= allowed && editDistance(k, token, allowed) <= allowed) return table[k];
  return undefined;
}

// A legal form, also inside a compound (Telefonaktiebolaget = telephone + aktiebolaget).
const isLatinLegal = (t: string) => LATIN_LEGAL.has(t) || /(?:aktiebolag|aktiebolaget|aktiengesellschaft)$/.test(t);

/** The words of a Latin name, folded, articles and conjunctions kept, legal forms at either end removed. */
function latinWords(nfkc: string): { words: string[]; formal: boolean; written: string[] } {
  let s = nfkc.replace(/[(（[【][^)）\]】]*[)）\]】]/g, ' ');
  s = s.replace(/['’`]/g, '').replace(/&/g, ' and ');
  // Dotted abbreviations (S.A., N.V., L.L.C., A/S) become one token.
  s = s.replace(/\b((?:[A-Za-z]\.){2,})/g, (m) => m.replace(/\./g, '')).replace(/\b([A-Za-z])\/([A-Za-z])\b/g, '$1$2');
  s = foldLatin(s);
  const words = trimSpaces(s.replace(/[^\p{L}\p{N}]+/gu, ' ')).split(' ').filter(Boolean).map((t) => LATIN_ABBREVIATIONS[t] ?? t);
  const written = [...words];
  let formal = false;
  const content = () => words.filter((t) => !LATIN_STOP.has(t)).length;
  while (content() > 1 && (isLatinLegal(words[words.length - 1]) || LATIN_STOP.has(words[words.length - 1]))) {
    if (isLatinLegal(words.pop()!)) formal = true;
  }
  while (content() > 1 && (isLatinLegal(words[0]) || LATIN_STOP.has(words[0]))) {
    if (isLatinLegal(words.shift()!)) formal = true;
  }
  return { words, formal, written };
}

function parseLatin(nfkc: string): ParsedCustomerName {
  const { words, formal } = latinWords(nfkc);
  const tokens = words.filter((t) => !LATIN_STOP.has(t));
  const brandTokens: string[] = [];
  const business: string[] = [];
  const descriptors: string[] = [];
  const regions: string[] = [];
  for (const t of tokens) {
    const d = lookup(t, LATIN_DESCRIPTOR_FOLD);
    const b = lookup(t, LATIN_INSTITUTION_FOLD) ?? lookup(t, LATIN_BUSINESS_FOLD);
    // A place in the genitive (Københavns Universitet, Danmarks …) is the place.
    const place = LATIN_PLACES_FOLD[t] ?? (t.length > 4 && t.endsWith('s') ? LATIN_PLACES_FOLD[t.slice(0, -1)] : undefined);
    if (d) descriptors.push(d);
    else if (b) business.push(b);
    else if (place) regions.push(place);
    else brandTokens.push(t);
  }
  const brand = brandTokens.join(' ');
  return {
    script: 'latin',
    regions: unique(regions),
    branchRegions: [],
    brand,
    business: unique(business),
    descriptors: unique(descriptors),
    affiliation: '',
    formal,
    core: brand || [...unique(regions), ...business].join(' '),
  };
}

function unique<T>(xs: T[]): T[] {
  return [...new Set(xs)];
}

/**
 * Optimal-string-alignment distance (Levenshtein with adjacent transpositions), computed over three rolling rows.
 * With `limit`, stops as soon as the distance must exceed it and returns limit + 1.
 */
export function editDistance(a: string, b: string, limit = Infinity): number {
  const x = a.length === [...a].length ? a : [...a];
  const y = b.length === [...b].length ? b : [...b];
  const n = x.length;
  const m = y.length;
  if (Math.abs(n - m) > limit) return limit + 1;
  let prev2 = new Int32Array(m + 1);
  let prev = new Int32Array(m + 1);
  let cur = new Int32Array(m + 1);
  for (let j = 0; j <= m; j++) prev[j] = j;
  for (let i = 1; i <= n; i++) {
    cur[0] = i;
    let rowMin = i;
    for (let j = 1; j <= m; j++) {
      const cost = x[i - 1] === y[j - 1] ? 0 : 1;
      let v = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + cost);
      if (i > 1 && j > 1 && x[i - 1] === y[j - 2] && x[i - 2] === y[j - 1]) v = Math.min(v, prev2[j - 2] + 1);
      cur[j] = v;
      if (v < rowMin) rowMin = v;
    }
    if (rowMin > limit) return limit + 1;
    [prev2, prev, cur] = [prev, cur, prev2];
  }
  return prev[m];
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

function within(x: string, y: string): boolean {
  return x === y || x === '中国' || y === '中国' || CITY_PROVINCE.get(y) === x || CITY_PROVINCE.get(x) === y;
}

function regionsCompatible(a: ParsedCustomerName, b: ParsedCustomerName): boolean {
  const placeOk = a.regions.length === 0 || b.regions.length === 0 || a.regions.some((x) => b.regions.some((y) => within(x, y)));
  if (!placeOk) return false;
  // A branch region must be named by the other side too (head company ≠ its provincial company).
  const named = (r: string, other: ParsedCustomerName) => [...other.regions, ...other.branchRegions].some((y) => y !== '中国' && within(r, y));
  return a.branchRegions.every((r) => named(r, b)) && b.branchRegions.every((r) => named(r, a));
}

const subsetEither = (a: string[], b: string[]) => a.every((w) => b.includes(w)) || b.every((w) => a.includes(w));
const sameSet = (a: string[], b: string[]) => a.length === b.length && a.every((x) => b.includes(x));
const INSTITUTIONS = new Set([...CN_INSTITUTIONS, ...Object.values(LATIN_INSTITUTION_FOLD)]);

/** The business words of both sides; a Hochschule / högskola reads as the other side's institute or university (ETH = Federal Institute of Technology). */
function businessWords(a: ParsedCustomerName, b: ParsedCustomerName): [string[], string[]] {
  const union = [...a.business, ...b.business];
  const target = union.includes('institute') && !union.includes('university') ? 'institute' : 'university';
  const fold = (ws: string[]) => unique(ws.map((w) => (w === 'hochschule' ? target : w)));
  return [fold(a.business), fold(b.business)];
}

function businessCompatible(a: ParsedCustomerName, b: ParsedCustomerName): boolean {
  const [x, y] = businessWords(a, b);
  // Institutions (university, hospital …) are told apart by their qualifiers — unless one side is a bare name
  // (Rigshospitalet) — and two full registered names by their business words.
  const institution = x.some((w) => INSTITUTIONS.has(w)) || y.some((w) => INSTITUTIONS.has(w));
  const bare = (p: ParsedCustomerName) => p.business.length === 0 && p.descriptors.length === 0 && !p.formal;
  const strict = (institution && !bare(a) && !bare(b)) || (a.formal && b.formal);
  if (strict ? !sameSet(x, y) : !subsetEither(x, y)) return false;
  return subsetEither(a.descriptors, b.descriptors);
}

/** Brand similarity token by token: equal tokens, or a typing slip in a long token (Latin). */
function latinBrandScore(a: string, b: string): number {
  if (a.replace(/ /g, '') === b.replace(/ /g, '')) return 1;
  let x = a.split(' ');
  let y = b.split(' ');
  // Leading initials may be omitted by one side (LM Ericsson, J Sainsbury): compare what follows them.
  const initials = (ts: string[]) => {
    let i = 0;
    while (i < ts.length - 1 && ts[i].length <= 2 && /^[a-z]+$/.test(ts[i])) i++;
    return i;
  };
  if (x.length !== y.length) {
    const [ix, iy] = [initials(x), initials(y)];
    if (ix > 0 && x.length - ix === y.length && iy === 0) x = x.slice(ix);
    else if (iy > 0 && y.length - iy === x.length && ix === 0) y = y.slice(iy);
  }
  if (x.length !== y.length) return brandSimilarity(a, b) * 0.5;
  return Math.min(...x.map((t, i) => brandSimilarity(t, y[i])));
}

/** The verdict on two customer names, with the parts and the brand score that a manager is shown. */
export function customerNamesMatch(a: string, b: string, options: { threshold: number }): CustomerMatch {
  const pa = parseCustomerName(a);
  const pb = parseCustomerName(b);
  const v = compareParsed(pa, pb, options.threshold);
  if (v.match || v.reason === 'empty' || v.reason === 'region_differs' || v.reason === 'affiliation_differs') return v;
  // One side may write the other in short: an acronym or syllable blend (UCL, BMW, Inditex), a Chinese abbreviation
  // (浦发银行, 中建八局). The short form is spelled out from the other name and then compared as usual.
  if (pa.script === 'latin' && pb.script === 'latin') {
    const alt = latinAcronymMatch(a, b, options.threshold) ?? latinAcronymMatch(b, a, options.threshold);
    if (alt) return { ...alt, a: pa, b: pb };
  } else if (pa.script === 'cjk' && pb.script === 'cjk' && chineseAbbreviation(a, b, pa, pb)) {
    return { ...v, match: true, score: 1, reason: 'same_customer' };
  } else if (pa.script !== pb.script) {
    // A Chinese name made only of regions and business words, read in English (浙江大学 = Zhejiang University,
    // 中国建设银行 = China Construction Bank). A Chinese brand would need its romanisation: not matched by name here.
    const [zh, latin] = pa.script === 'cjk' ? [pa, b] : [pb, a];
    const english = chineseGenericInEnglish(zh);
    if (english) {
      const w = compareParsed(parseCustomerName(english), parseCustomerName(latin), options.threshold);
      if (w.match) return { ...w, a: pa, b: pb };
    }
  }
  return v;
}

// Chinese places and business words in English (romanised places; the English word a company uses).
const CN_PLACE_LATIN: Record<string, string> = {
  中国: 'china', 北京: 'beijing', 天津: 'tianjin', 上海: 'shanghai', 重庆: 'chongqing', 香港: 'hongkong', 澳门: 'macau', 台湾: 'taiwan',
  台北: 'taipei', 河北: 'hebei', 山西: 'shanxi', 内蒙古: 'inner mongolia', 辽宁: 'liaoning', 吉林: 'jilin', 黑龙江: 'heilongjiang',
  江苏: 'jiangsu', 浙江: 'zhejiang', 安徽: 'anhui', 福建: 'fujian', 江西: 'jiangxi', 山东: 'shandong', 河南: 'henan', 湖北: 'hubei',
  湖南: 'hunan', 广东: 'guangdong', 广西: 'guangxi', 海南: 'hainan', 四川: 'sichuan', 贵州: 'guizhou', 云南: 'yunnan', 西藏: 'tibet',
  陕西: 'shaanxi', 甘肃: 'gansu', 青海: 'qinghai', 宁夏: 'ningxia', 新疆: 'xinjiang', 石家庄: 'shijiazhuang', 唐山: 'tangshan',
  保定: 'baoding', 廊坊: 'langfang', 邯郸: 'handan', 太原: 'taiyuan', 大同: 'datong', 呼和浩特: 'hohhot', 包头: 'baotou',
  鄂尔多斯: 'ordos', 沈阳: 'shenyang', 大连: 'dalian', 鞍山: 'anshan', 长春: 'changchun', 哈尔滨: 'harbin', 大庆: 'daqing',
  南京: 'nanjing', 苏州: 'suzhou', 无锡: 'wuxi', 常州: 'changzhou', 南通: 'nantong', 徐州: 'xuzhou', 扬州: 'yangzhou', 镇江: 'zhenjiang',
  昆山: 'kunshan', 杭州: 'hangzhou', 宁波: 'ningbo', 温州: 'wenzhou', 绍兴: 'shaoxing', 嘉兴: 'jiaxing', 金华: 'jinhua', 台州: 'taizhou',
  湖州: 'huzhou', 合肥: 'hefei', 芜湖: 'wuhu', 福州: 'fuzhou', 厦门: 'xiamen', 泉州: 'quanzhou', 南昌: 'nanchang', 赣州: 'ganzhou',
  济南: 'jinan', 青岛: 'qingdao', 烟台: 'yantai', 潍坊: 'weifang', 淄博: 'zibo', 威海: 'weihai', 郑州: 'zhengzhou', 洛阳: 'luoyang',
  武汉: 'wuhan', 宜昌: 'yichang', 襄阳: 'xiangyang', 长沙: 'changsha', 株洲: 'zhuzhou', 广州: 'guangzhou', 深圳: 'shenzhen',
  东莞: 'dongguan', 佛山: 'foshan', 珠海: 'zhuhai', 中山: 'zhongshan', 惠州: 'huizhou', 汕头: 'shantou', 南宁: 'nanning', 柳州: 'liuzhou',
  桂林: 'guilin', 海口: 'haikou', 三亚: 'sanya', 成都: 'chengdu', 绵阳: 'mianyang', 贵阳: 'guiyang', 昆明: 'kunming', 拉萨: 'lhasa',
  西安: 'xian', 兰州: 'lanzhou', 西宁: 'xining', 银川: 'yinchuan', 乌鲁木齐: 'urumqi',
};
const CN_WORD_LATIN: Record<string, string> = {
  大学: 'university', 学院: 'college', 医院: 'hospital', 研究所: 'institute', 研究院: 'institute', 银行: 'bank', 保险: 'insurance',
  证券: 'securities', 科技: 'technology', 技术: 'technology', 软件: 'software', 电子: 'electronics', 汽车: 'motor', 航空: 'airlines',
  电力: 'power', 石油: 'oil', 钢铁: 'steel', 化工: 'chemicals', 医药: 'pharmaceuticals', 制药: 'pharmaceuticals', 药业: 'pharmaceuticals',
  物流: 'logistics', 投资: 'investment', 电信: 'telecom', 能源: 'energy', 建设: 'construction', 建筑: 'construction', 工程: 'engineering',
  工业: 'industries', 航运: 'shipping', 海运: 'shipping', 贸易: 'trading', 咨询: 'consulting', 金融: 'financial', 食品: 'food',
  集团: 'group', 控股: 'holdings', 国际: 'international',
};

/** A Chinese name made only of regions and business words, in English words; null when it has a brand or an untranslated word. */
function chineseGenericInEnglish(p: ParsedCustomerName): string | null {
  if (p.brand || p.affiliation || p.branchRegions.length) return null;
  const words = [...p.regions.map((r) => CN_PLACE_LATIN[r]), ...p.business.map((w) => CN_WORD_LATIN[w]), ...p.descriptors.map((w) => CN_WORD_LATIN[w])];
  return words.every(Boolean) && words.length > 0 ? words.join(' ') : null;
}

function compareParsed(pa: ParsedCustomerName, pb: ParsedCustomerName, threshold: number): CustomerMatch {
  const verdict = (match: boolean, score: number, reason: CustomerMatch['reason']): CustomerMatch => ({ match, score, reason, a: pa, b: pb });
  if (!pa.core || !pb.core) return verdict(false, 0, 'empty');
  if (pa.affiliation && pb.affiliation && pa.affiliation !== pb.affiliation) return verdict(false, 0, 'affiliation_differs');
  if (!pa.brand || !pb.brand) {
    // A name made only of regions and business words is a generic name: all of it must agree.
    const same =
      !pa.brand &&
      !pb.brand &&
      sameSet([...pa.regions, ...pa.branchRegions], [...pb.regions, ...pb.branchRegions]) &&
      sameSet(...businessWords(pa, pb)) &&
      sameSet(pa.descriptors, pb.descriptors);
    return verdict(same, same ? 1 : 0, same ? 'same_customer' : 'generic_name_differs');
  }
  // A Chinese brand is a registered name: one different character is another company, so only the same brand passes.
  const cjk = pa.script === 'cjk' || pb.script === 'cjk';
  const score = cjk ? brandSimilarity(pa.brand, pb.brand) : latinBrandScore(pa.brand, pb.brand);
  if (score < (cjk ? 1 : threshold)) return verdict(false, score, 'brand_differs');
  if (!businessCompatible(pa, pb)) return verdict(false, score, 'business_differs');
  if (!regionsCompatible(pa, pb)) return verdict(false, score, 'region_differs');
  return verdict(true, score, 'same_customer');
}

const latinWordsMemo = new Map<string, ReturnType<typeof latinWords>>();
function wordsOf(raw: string): ReturnType<typeof latinWords> {
  let w = latinWordsMemo.get(raw);
  if (!w) {
    if (latinWordsMemo.size > 5000) latinWordsMemo.clear();
    latinWordsMemo.set(raw, (w = latinWords(raw.normalize('NFKC'))));
  }
  return w;
}

/**
 * Does `t` spell `words` as an acronym or a syllable blend: a prefix (one letter or more) of every word in order,
 * articles and conjunctions optional (EDF = Électricité de France, MUFG, Inditex = INDustria DIseño TEXtil)?
 */
function spells(t: string, words: string[], k = 0, pos = 0): boolean {
  if (k === words.length) return pos === t.length;
  const w = words[k];
  if (LATIN_STOP.has(w) && spells(t, words, k + 1, pos)) return true;
  for (let l = 1; l <= w.length && pos + l <= t.length && w[l - 1] === t[pos + l - 1]; l++) {
    if (spells(t, words, k + 1, pos + l)) return true;
  }
  return false;
}

/**
 * `short` names a word of `full` in short (an acronym or blend of a run of full's words): spelled out, the two names
 * must then match as usual, and state the same descriptors (HP Inc. is not Hewlett Packard Enterprise).
 */
function latinAcronymMatch(short: string, full: string, threshold: number): CustomerMatch | null {
  const sw = wordsOf(short).words;
  const { words, written } = wordsOf(full);
  // The full name's words, and as written with its legal form (HSBC = Hongkong and Shanghai Banking Corporation).
  for (const fw of written.length > words.length ? [words, written] : [words]) {
    const v = expandAcronym(sw, fw, full, threshold);
    if (v) return v;
  }
  return null;
}

function expandAcronym(sw: string[], fw: string[], full: string, threshold: number): CustomerMatch | null {
  const content = (ws: string[]) => ws.filter((w) => !LATIN_STOP.has(w));
  for (let k = 0; k < sw.length; k++) {
    const t = sw[k];
    if (t.length < 2 || t.length > 10 || !/^[a-z]+$/.test(t) || LATIN_STOP.has(t) || fw.includes(t)) continue;
    for (let i = 0; i < fw.length; i++) {
      if (LATIN_STOP.has(fw[i]) || fw[i][0] !== t[0]) continue;
      for (let j = i + 2; j <= Math.min(fw.length, i + 8); j++) {
        const run = fw.slice(i, j);
        if (LATIN_STOP.has(fw[j - 1]) || !spells(t, run)) continue;
        // Initials may name part of the name (KU Leuven); a blend of syllables (Inditex, FedEx) must name all of it.
        const initials = t === content(run).map((w) => w[0]).join('') || t === run.map((w) => w[0]).join('');
        if (!initials && (content(fw.slice(0, i)).length > 0 || content(fw.slice(j)).length > 0)) continue;
        const expanded = [...sw.slice(0, k), ...run, ...sw.slice(k + 1)].join(' ');
        const pe = parseCustomerName(expanded);
        const pf = parseCustomerName(full);
        const v = compareParsed(pe, pf, threshold);
        if (v.match && sameSet(pe.descriptors, pf.descriptors)) return v;
      }
    }
  }
  return null;
}

const cjkCompactMemo = new Map<string, [string, string]>();
/** A Chinese name as one string without legal form, brackets or punctuation: as written, and without its leading region. */
function cjkCompact(raw: string): [string, string] {
  let c = cjkCompactMemo.get(raw);
  if (c) return c;
  let s = toSimplifiedHk(toSimplified(raw.normalize('NFKC'))).toLowerCase();
  s = s.replace(/[(（[【〔][^)）\]】〕]*[)）\]】〕]/g, '').replace(/[\s\p{P}\p{S}]/gu, '');
  s = s.replace(/[〇零一二三四五六七八九]{2,}/g, (run: string) => [...run].map((ch) => CN_DIGITS[ch]).join(''));
  for (let legal = CN_LEGAL.find((w) => s.endsWith(w) && s.length > w.length); legal; legal = CN_LEGAL.find((w) => s.endsWith(w) && s.length > w.length)) {
    s = s.slice(0, -legal.length);
  }
  let r = s;
  for (let start = CN_REGION_FORMS.find(([f]) => r.startsWith(f) && r.length > f.length + 1); start; start = CN_REGION_FORMS.find(([f]) => r.startsWith(f) && r.length > f.length + 1)) {
    r = r.slice(start[0].length);
  }
  if (cjkCompactMemo.size > 5000) cjkCompactMemo.clear();
  cjkCompactMemo.set(raw, (c = [s, r]));
  return c;
}

/**
 * Is the shorter name a Chinese abbreviation of the longer (浦东发展银行 → 浦发银行, 中国建筑第八工程局 → 中建八局,
 * 北京大学人民医院 → 北大人民医院)? An abbreviation keeps the first character of the name and then one character (or more)
 * of some of the following words, so it is an ordered subsequence that starts with the same character, skips at least
 * two, and skips right after the first one (华信通 is another brand, not an abbreviation of 华信). A leading 中 stands
 * for 中国 (中广核 = 中国广核). A short form made only of a region and business words is no abbreviation
 * (中国银行 ≠ 中国建设银行).
 */
function chineseAbbreviation(a: string, b: string, pa: ParsedCustomerName, pb: ParsedCustomerName): boolean {
  if (!regionsCompatible(pa, pb)) return false;
  const [ca, cb] = [cjkCompact(a), cjkCompact(b)];
  // The short form must have a brand of its own (中国银行 is no abbreviation of 中国建设银行; 上海交大 is one of 上海交通大学).
  // (two characters at least: 华电子 is another brand than 华强北电子; a lone 中 is 中国 in short: 中石油).
  const own = (p: ParsedCustomerName) => Boolean(p.affiliation) || [...p.brand].length >= 2 || p.brand === '中';
  const [sa, sb] = [own(pa), own(pb)];
  // As written (北大人民医院 / 北京大学人民医院), or both without their leading region (浦发银行 / 上海浦东发展银行).
  return [0, 1].some((i) => (sa && abbreviates(ca[i], cb[i])) || (sb && abbreviates(cb[i], ca[i])));
}

function abbreviates(short: string, long: string): boolean {
  let s = [...short];
  let l = [...long];
  let china = false;
  if (l[0] === '中' && l[1] === '国') {
    if (s[0] === '中' && s[1] !== '国') {
      s = ['中', '国', ...s.slice(1)];
      china = true;
    }
    if (s[0] !== '中' || s[1] !== '国') return false;
    if (s.length === l.length) return s.join('') === l.join('') && short.length < long.length;
    s = s.slice(2);
    l = l.slice(2);
  }
  // After 中 for 中国 the short name may keep the next word whole (中石油 = 中国石油天然气).
  if (s.length < 2 || l.length - s.length < 2 || s[0] !== l[0] || (s[1] === l[1] && !china)) return false;
  let j = 0;
  for (const ch of s) {
    while (j < l.length && l[j] !== ch) j++;
    if (j === l.length) return false;
    j++;
  }
  return true;
}

/**
 * Second retrieval keys (proposed, not yet used by the API): names that the matcher can pair although their cores share
 * no trigrams — a short form and its full name, a generic Chinese name and its English name — share one of these keys.
 * Latin: the initials of the name (with and without articles) and every short all-letter word (a possible acronym);
 * Chinese: first character and last word of the name, with and without its leading region (浦发银行 and
 * 上海浦东发展银行 both give 浦…银行), 中 read as 中国; a generic Chinese name also gives its English reading.
 * Meant for an equality index (text[] with GIN) next to the trigram index on the core.
 */
export function customerNameAltKeys(name: string): string[] {
  const p = parseCustomerName(name);
  const keys = new Set<string>();
  if (p.script === 'latin') {
    const { words, written } = wordsOf(name);
    // With the trailing legal words, one at a time (HSBC = Hongkong and Shanghai Banking Corporation [Limited]).
    const tail = words.length ? written.slice(written.lastIndexOf(words[words.length - 1]) + 1) : [];
    for (const ws of tail.map((_, i) => [...words, ...tail.slice(0, i + 1)]).concat([words])) {
      const content = ws.filter((w) => !LATIN_STOP.has(w));
      if (content.length >= 2) keys.add(`i:${content.map((w) => w[0]).join('')}`);
      if (ws.length >= 2) keys.add(`i:${ws.map((w) => w[0]).join('')}`);
    }
    for (const w of words) if (w.length >= 2 && w.length <= 6 && /^[a-z]+$/.test(w) && !LATIN_STOP.has(w)) keys.add(`i:${w}`);
    if (!p.brand) keys.add(`en:${[...p.regions, ...p.business].sort().join(' ')}`);
  } else {
    for (const c of cjkCompact(name)) {
      let chars = [...c];
      if (chars[0] === '中' && chars[1] === '国') chars = chars.slice(2);
      else if (chars[0] === '中' && chars.length > 2) chars = chars.slice(1);
      if (chars.length >= 2) keys.add(`z:${chars[0]}${p.business.at(-1) ?? ''}`);
    }
    const english = chineseGenericInEnglish(p);
    if (english) {
      const e = parseCustomerName(english);
      keys.add(`en:${[...e.regions, ...e.business].sort().join(' ')}`);
    }
  }
  return [...keys];
}

// The labelled customer-name set for duplicate detection (bench:matching). Written by this team: real-looking
// Chinese and Latin company names, each pair labelled `same` (one customer written two ways) or not (a look-alike
// that is another company), with a one-line reason. Hand-written pairs come first; the rest are built from base
// companies by transformations that keep the identity (positives) or change it (negatives), with a fixed seed so the
// set is the same on every run. It is deliberately not tuned to the matcher: it states what a channel manager would say.

/** @typedef {{ a: string, b: string, same: boolean, lang: 'zh' | 'latin', reason: string }} Pair */

/** @type {Pair[]} */
const handWritten = [
  // Chinese: the same customer
  ['北京字节跳动科技有限公司', '字节跳动（北京）科技有限公司', true, 'region moved into brackets after the brand'],
  ['華為技術有限公司', '华为技术有限公司', true, 'traditional vs simplified characters'],
  ['杭州海康威视数字技术股份有限公司', '海康威视数字技术股份有限公司', true, 'city prefix dropped'],
  ['深圳市腾讯计算机系统有限公司', '腾讯计算机系统（深圳）有限公司', true, 'city prefix vs bracketed city'],
  ['广东省深圳市大疆创新科技有限公司', '深圳市大疆创新科技有限公司', true, 'province and city prefix vs city only'],
  ['阿里巴巴（中国）有限公司', '阿里巴巴中国有限公司', true, 'brackets removed'],
  ['上海市浦东发展银行股份有限公司', '上海浦东发展银行', true, '市 and legal form dropped'],
  ['中兴通讯股份有限公司', '中兴通讯有限公司', true, '股份有限公司 vs 有限公司'],
  ['科大讯飞股份有限公司', '科大讯飞', true, 'legal form omitted'],
  ['北京百度网讯科技有限公司', '百度网讯科技(北京)有限公司', true, 'half-width brackets'],
  ['ＴＣＬ科技集团股份有限公司', 'TCL科技集团股份有限公司', true, 'full-width Latin letters'],
  ['美的集团股份有限公司', '美的集团', true, 'legal form omitted'],
  ['国家电网有限公司', '国家电网公司', true, '有限公司 vs 公司'],
  ['招商银行股份有限公司', '招商银行', true, 'legal form omitted'],
  ['中芯国际集成电路制造（上海）有限公司', '中芯国际集成电路制造上海有限公司', true, 'bracket removed around the city'],
  ['宁德时代新能源科技股份有限公司', '寧德時代新能源科技股份有限公司', true, 'traditional characters'],
  ['三一重工股份有限公司', '三一重工 股份有限公司', true, 'stray space'],
  ['苏州科沃斯机器人股份有限公司', '科沃斯机器人股份有限公司', true, 'city prefix dropped'],
  ['北京京东世纪贸易有限公司', '京东世纪贸易（北京）有限公司', true, 'bracketed city'],
  ['浙江吉利控股集团有限公司', '吉利控股集团有限公司', true, 'province prefix dropped'],
  ['重庆长安汽车股份有限公司', '重庆长安汽车有限公司', true, 'legal form variant'],
  ['成都市天府软件园有限公司', '成都天府软件园有限公司', true, '市 dropped'],
  ['中国平安保险（集团）股份有限公司', '中国平安保险集团股份有限公司', true, 'bracketed 集团'],
  ['网易（杭州）网络有限公司', '杭州网易网络有限公司', true, 'bracketed city vs prefix'],
  ['小米科技有限责任公司', '小米科技有限公司', true, '有限责任公司 vs 有限公司'],
  // Chinese: look-alikes that are other companies
  ['北京华信科技有限公司', '北京华信软件有限公司', false, 'same brand, different business word: two companies'],
  ['浙江大学', '北京大学', false, 'only region + generic word: different universities'],
  ['上海银行股份有限公司', '北京银行股份有限公司', false, 'different city banks'],
  ['中国银行股份有限公司', '中国建设银行股份有限公司', false, 'different banks sharing 中国…银行'],
  ['平安银行股份有限公司', '平安保险股份有限公司', false, 'same brand, bank vs insurer'],
  ['上海电气集团股份有限公司', '上海电力股份有限公司', false, '电气 vs 电力: different companies'],
  ['北京华信科技有限公司', '北京华新科技有限公司', false, 'brand differs by one character'],
  ['深圳市中兴通讯股份有限公司', '深圳市中天通讯股份有限公司', false, 'different brand, same business word'],
  ['江苏电力设计院有限公司', '浙江电力设计院有限公司', false, 'different provinces, generic name'],
  ['清华大学', '清华同方股份有限公司', false, 'university vs company with the same prefix'],
  ['华为技术有限公司', '华为终端有限公司', false, 'different legal entities of one group'],
  ['北京数字科技有限公司', '上海数字科技有限公司', false, 'generic names in different cities'],
  ['中国移动通信集团有限公司', '中国联合网络通信集团有限公司', false, 'China Mobile vs China Unicom'],
  ['广州医药有限公司', '广州医科大学', false, 'pharma company vs university'],
  ['华润医药集团有限公司', '华润置地有限公司', false, 'same group brand, different businesses'],
  ['中信银行股份有限公司', '中信证券股份有限公司', false, 'bank vs securities firm'],
  ['东方航空股份有限公司', '南方航空股份有限公司', false, 'different airlines'],
  ['北京协和医院', '北京协和医学院', false, 'hospital vs medical college'],
  ['上海交通大学', '西安交通大学', false, 'different universities'],
  ['四川长虹电器股份有限公司', '四川长虹电子控股集团有限公司', false, 'listed company vs its parent holding'],
  // Latin: the same customer
  ['Acme Corporation', 'ACME Corp.', true, 'legal form abbreviated, case'],
  ['The Boeing Company', 'Boeing Co', true, 'article and legal form'],
  ['Procter & Gamble', 'Procter and Gamble Co.', true, '& vs and'],
  ['Hewlett-Packard Enterprise', 'Hewlett Packard Enterprise', true, 'hyphen vs space'],
  ['Nestlé S.A.', 'Nestle SA', true, 'diacritic and punctuation'],
  ['Schlumberger Limited', 'Schlumberger Ltd', true, 'Limited vs Ltd'],
  ['Siemens Aktiengesellschaft', 'Siemens AG', true, 'German legal form spelled out'],
  ['Tata Consultancy Services Limited', 'Tata Consultancy Services', true, 'legal form omitted'],
  ['International Business Machines Corporation', 'International Business Machines Corp', true, 'Corporation vs Corp'],
  ['Johnson & Johnson', 'Johnson and Johnson Inc.', true, '& vs and, Inc'],
  ['Caterpillar Inc.', 'CATERPILLAR INC', true, 'case and punctuation'],
  ['Deutsche Telekom AG', 'Deutsche Telekom', true, 'legal form omitted'],
  ['Singapore Telecommunications Limited', 'Singapore Telecommunications Ltd.', true, 'Limited vs Ltd.'],
  ['Koninklijke Philips N.V.', 'Koninklijke Philips NV', true, 'N.V. punctuation'],
  ['Rolls-Royce Holdings plc', 'Rolls Royce Holdings PLC', true, 'hyphen and case'],
  ['Banco Santander, S.A.', 'Banco Santander SA', true, 'comma and punctuation'],
  ['L\'Oréal S.A.', 'LOreal SA', true, 'apostrophe and accent'],
  ['Mitsubishi Heavy Industries, Ltd.', 'Mitsubishi Heavy Industries Limited', true, 'Ltd. vs Limited'],
  ['Accenture plc', 'Accenture', true, 'legal form omitted'],
  ['Infosys Limited', 'Infosys Ltd', true, 'Limited vs Ltd'],
  ['Schneider Electric SE', 'Schneider Electric S.E.', true, 'SE punctuation'],
  ['Lenovo Group Limited', 'Lenovo Group Ltd.', true, 'Limited vs Ltd.'],
  ['Volkswagen Aktiengesellschaft', 'Volkswagen AG', true, 'AG spelled out'],
  ['Saudi Arabian Oil Company', 'Saudi Arabian Oil Co.', true, 'Company vs Co.'],
  ['Harbor Freight Tools', 'Harbour Freight Tools', true, 'Harbor vs Harbour spelling'],
  // Latin: look-alikes that are other companies
  ['Harbor Logistics', 'Harvest Logistics', false, 'different brand, shared generic word'],
  ['First Union Bank of Ohio', 'First Union Bank of Utah', false, 'same chain name, different state banks'],
  ['General Motors Company', 'General Mills, Inc.', false, 'shared first word only'],
  ['American Express Company', 'American Airlines Group Inc.', false, 'shared first word only'],
  ['United Airlines Holdings', 'United Rentals, Inc.', false, 'shared first word only'],
  ['Delta Air Lines', 'Delta Dental', false, 'shared brand word, different companies'],
  ['Apple Inc.', 'Applied Materials, Inc.', false, 'prefix of a word only'],
  ['Global Logistics Partners', 'Global Capital Partners', false, 'brand made only of generic words'],
  ['Pacific Gas and Electric Company', 'Pacific Life Insurance Company', false, 'shared first word only'],
  ['Western Digital Corporation', 'Western Union Company', false, 'shared first word only'],
  ['National Grid plc', 'National Bank of Canada', false, 'shared first word only'],
  ['Summit Capital Partners', 'Summit Health Partners', false, 'same brand, different business'],
  ['Northern Trust Corporation', 'Northern Star Resources', false, 'shared first word only'],
  ['Pioneer Natural Resources', 'Pioneer Electronics', false, 'same brand, different businesses'],
  ['Bank of America', 'Bank of China', false, 'generic pattern, different banks'],
  ['University of Michigan', 'University of Minnesota', false, 'generic pattern, different universities'],
  ['Capital One Financial', 'Capital Group Companies', false, 'shared generic brand word'],
  ['Sun Life Financial', 'Sun Pharmaceutical Industries', false, 'shared first word only'],
  ['Atlas Copco AB', 'Atlas Air Worldwide', false, 'shared first word only'],
  ['Royal Bank of Canada', 'Royal Bank of Scotland', false, 'generic pattern, different banks'],
  ['Eastern Bank', 'Western Bank', false, 'different banks, one word differs'],
  ['Phoenix Contact GmbH', 'Phoenix Mecano AG', false, 'shared brand word, different companies'],
  ['Alpha Bank', 'Alpha Metallurgical Resources', false, 'shared brand word, different companies'],
  ['Metro AG', 'Metro Inc.', false, 'German retailer vs Canadian grocer (same word, different companies)'],
  ['Crown Holdings', 'Crown Castle', false, 'shared brand word, different companies'],
];

// Added 2026-11-28 (second pass): short forms, translations of the legal/business/institution words, romanised Japanese,
// exonyms — and the look-alikes those rules must keep apart. Written for the classes, not copied from the held-out set.
const shortFormsAndTranslations = [
  // Latin: acronyms and syllable blends of the full name
  ['International Business Machines Corporation', 'IBM Corp.', true, 'acronym of the full name'],
  ['Hongkong and Shanghai Banking Corporation Limited', 'HSBC', true, 'acronym including the legal word Corporation'],
  ['Nippon Telegraph and Telephone Corporation', 'NTT', true, 'acronym skipping "and"'],
  ['Federal Express Corporation', 'FedEx Corporation', true, 'syllable blend of the two words'],
  ['Petróleo Brasileiro S.A.', 'Petrobras', true, 'syllable blend of the full name'],
  ['Koninklijke Luchtvaart Maatschappij N.V.', 'KLM', true, 'Dutch acronym'],
  ['Aluminum Company of America', 'Alcoa', true, 'syllable blend (AL-CO-A)'],
  ['University of California, Los Angeles', 'UCLA', true, 'acronym of a university name'],
  ['Massachusetts Institute of Technology', 'MIT', true, 'acronym skipping "of"'],
  ['École Polytechnique Fédérale de Lausanne', 'EPFL', true, 'acronym with an accented word'],
  ['Universitat Politècnica de Catalunya', 'UPC', true, 'Catalan acronym'],
  ['Technische Universität München', 'TU München', true, 'initials of part of the name, city kept'],
  ['Ludwig-Maximilians-Universität München', 'LMU München', true, 'initials of hyphenated words'],
  ['Banco Bilbao Vizcaya Argentaria, S.A.', 'BBVA', true, 'acronym of a bank name'],
  ['Bavarian Motor Works Inc', 'BMW', true, 'acronym of the English name'],
  // Latin: translations, exonyms, romanised Japanese, initials
  ['Tampereen yliopisto', 'University of Tampere', true, 'Finnish name (genitive city + yliopisto)'],
  ['Stockholms universitet', 'Stockholm University', true, 'Swedish genitive city + universitet'],
  ['Toyota Jidosha Kabushiki Kaisha', 'Toyota Motor Corporation', true, 'romanised Japanese: jidosha = motor'],
  ['Mitsui Kagaku K.K.', 'Mitsui Chemicals, Inc.', true, 'romanised Japanese: kagaku = chemicals'],
  ['Sumitomo Ginko', 'Sumitomo Bank', true, 'romanised Japanese: ginko = bank'],
  ['H. Lundbeck A/S', 'Lundbeck', true, 'leading initial and legal form omitted'],
  ['Universität Wien', 'University of Vienna', true, 'German name, Wien = Vienna'],
  // Latin: look-alikes the new rules must keep apart
  ['HP Inc.', 'Hewlett Packard Enterprise', false, 'initials of the old name, but the Enterprise company is another one'],
  ['UCL', 'University of Central Lancashire', false, 'UCLan, not UCL: an acronym alone is ambiguous (known false match)'],
  ['ABC Logistics', 'Atlas Bridge Logistics', false, 'letters do not spell the other name'],
  ['MSC Industrial Direct', 'Mediterranean Shipping Company', false, 'acronym matches but the rest of the name differs'],
  ['FedEx Corporation', 'Federal Exchange Bank', false, 'a blend must spell the whole other name'],
  ['BBVA', 'Banco Bilbao Vizcaya', false, 'acronym has a letter the name lacks'],
  ['Hochschule München', 'Technische Universität München', false, 'different institutions in Munich'],
  ['Toyota Jidosha', 'Toyota Tsusho', false, 'car maker vs trading house'],
  ['Mitsui Kagaku', 'Mitsui Bussan', false, 'chemicals vs trading house'],
  ['LM Ericsson', 'LM Wind Power', false, 'shared initials, different companies'],
  ['Copenhagen Business School', 'University of Copenhagen', false, 'different institutions in Copenhagen'],
  ['Stockholms universitet', 'Stockholm School of Economics', false, 'different institutions in Stockholm'],
  ['Universität Wien', 'Wirtschaftsuniversität Wien', false, 'different universities in Vienna'],
  ['Technische Universität Wien', 'Universität Wien', false, 'technical university vs university'],
  // Chinese: standard abbreviations
  ['中国石油天然气股份有限公司', '中石油', true, '中 for 中国, then the next word kept'],
  ['中国石油化工股份有限公司', '中石化', true, '中 for 中国, one character of each word'],
  ['北京航空航天大学', '北航', true, 'first character of city and of the next word'],
  ['华中科技大学', '华科', true, 'first character of each word'],
  ['上海交通大学', '上海交大', true, 'region kept, 交通大学 shortened'],
  ['浙江大学', '浙大', true, 'one character of the region and of 大学'],
  ['清华大学', '清华', true, 'institution word omitted'],
  ['中国移动通信集团有限公司', '中国移动', true, 'business words omitted (known miss: both read as generic names)'],
  ['华南理工大学', '华南理工', true, 'institution word omitted'],
  ['中国国际金融股份有限公司', '中金公司', true, '中 for 中国 and one character of 金融 (known miss: generic words only)'],
  // Chinese: look-alikes the abbreviation rule must keep apart
  ['华信通科技有限公司', '华信科技有限公司', false, 'a longer brand, not an abbreviation'],
  ['北京航空航天大学', '北京大学', false, 'different universities'],
  ['华中科技大学', '华中师范大学', false, 'different universities sharing 华中'],
  ['中国石油天然气集团有限公司', '中国石油化工集团有限公司', false, 'CNPC vs Sinopec'],
  ['中科院', '中国科学技术大学', false, 'academy vs university'],
  ['中国科学院大学', '中科大', false, '中科大 is USTC, not UCAS (known false match: the letters fit)'],
  ['西安交通大学', '上海交大', false, 'different cities'],
  ['华科', '华南理工大学', false, 'characters do not follow the other name'],
  ['中国工商银行股份有限公司', '中国银行股份有限公司', false, 'different banks (中国银行 is no abbreviation)'],
  ['深圳华强北电子有限公司', '深圳华电子有限公司', false, 'one character dropped is another brand'],
  ['中国人民保险集团股份有限公司', '中国人寿保险（集团）公司', false, 'PICC vs China Life'],
  ['上海银行股份有限公司', '上海农商银行股份有限公司', false, 'different banks in one city'],
  // Chinese vs English
  ['浙江大学', 'Zhejiang University', true, 'generic Chinese name read in English'],
  ['中国银行股份有限公司', 'Bank of China Limited', true, '中国 = China, 银行 = Bank, word order'],
  ['北京大学', 'Peking University', true, 'old romanisation of 北京'],
  ['中国建设银行股份有限公司', 'China Construction Bank Corporation', true, '建设 = Construction'],
  ['上海银行', 'Bank of Shanghai', true, 'city bank in English'],
  ['华为技术有限公司', 'Huawei Technologies Co., Ltd.', true, 'pinyin brand (known miss: brands are not romanised yet)'],
  ['浙江大学', 'Zhejiang University of Technology', false, '浙江工业大学 is another university'],
  ['中国银行', 'Bank of America', false, 'different countries'],
  ['北京银行', 'Bank of Shanghai', false, 'different city banks'],
  ['中国建设银行', 'China Merchants Bank', false, 'different banks'],
];

// Chinese base companies: [region, brand, business word, legal form].
const zhBases = [
  ['北京', '华信智联', '科技', '有限公司'], ['上海', '兰亭', '信息技术', '有限公司'], ['深圳', '云帆', '软件', '有限公司'],
  ['杭州', '青鸟', '网络', '股份有限公司'], ['南京', '金陵石化', '工程', '有限公司'], ['成都', '蜀道', '数据', '有限公司'],
  ['武汉', '光谷联创', '电子', '有限公司'], ['广州', '珠江啤酒', '实业', '股份有限公司'], ['苏州', '工业园', '咨询', '有限公司'],
  ['西安', '秦川机床', '工程', '有限公司'], ['天津', '海河', '物流', '有限公司'], ['重庆', '渝新欧', '贸易', '有限公司'],
  ['厦门', '鹭岛', '智能', '有限公司'], ['青岛', '海尔卡奥斯', '物联', '有限公司'], ['宁波', '甬江', '港口', '有限公司'],
  ['合肥', '国轩', '高科', '股份有限公司'], ['长沙', '湘江', '数字', '有限公司'], ['郑州', '宇通', '客车', '股份有限公司'],
  ['济南', '浪潮', '信息', '有限公司'], ['大连', '华锐', '重工', '有限公司'], ['沈阳', '新松', '机器人', '股份有限公司'],
  ['福州', '榕城', '软件', '有限公司'], ['昆明', '滇池', '旅游', '有限公司'], ['无锡', '太湖', '电子', '有限公司'],
  ['东莞', '松山湖', '智能制造', '有限公司'], ['佛山', '顺德', '电器', '有限公司'], ['北京', '中关村', '科技发展', '有限公司'],
  ['上海', '陆家嘴', '金融', '有限公司'], ['深圳', '前海', '控股', '有限公司'], ['杭州', '西湖', '电子', '股份有限公司'],
  ['北京', '星网锐捷', '通讯', '股份有限公司'], ['上海', '宝信', '软件', '股份有限公司'], ['深圳', '汇川', '技术', '股份有限公司'],
  ['杭州', '恒生', '电子', '股份有限公司'], ['南京', '南瑞继保', '电气', '有限公司'], ['广州', '广电运通', '金融电子', '股份有限公司'],
  ['北京', '用友', '网络科技', '股份有限公司'], ['上海', '万达', '信息', '股份有限公司'], ['深圳', '金蝶', '软件', '有限公司'],
  ['武汉', '烽火', '通信', '股份有限公司'], ['成都', '卫士通', '信息产业', '股份有限公司'], ['西安', '海天', '天线科技', '股份有限公司'],
  ['天津', '中环', '半导体', '股份有限公司'], ['长沙', '中联重科', '机械', '股份有限公司'], ['郑州', '中原', '银行', '股份有限公司'],
  ['济南', '齐鲁', '制药', '有限公司'], ['合肥', '科大国创', '软件', '股份有限公司'], ['苏州', '同程', '网络科技', '股份有限公司'],
  ['厦门', '美图', '网络科技', '有限公司'], ['青岛', '海信', '视像科技', '股份有限公司'], ['宁波', '均胜', '电子', '股份有限公司'],
  ['大连', '东软', '信息技术', '有限公司'], ['沈阳', '东软', '医疗系统', '股份有限公司'], ['福州', '福耀', '玻璃工业集团', '股份有限公司'],
  ['昆明', '云南白药', '医药集团', '股份有限公司'], ['无锡', '药明康德', '新药开发', '股份有限公司'], ['广州', '白云山', '制药', '股份有限公司'],
  ['北京', '四维图新', '导航科技', '股份有限公司'], ['上海', '华谊', '化工集团', '有限公司'], ['深圳', '迈瑞', '生物医疗电子', '股份有限公司'],
];

// Other business words, to build "same brand, different business" negatives.
const zhOtherBusiness = ['地产', '物业', '酒店', '餐饮', '建材', '保险', '证券', '农业', '环保', '教育', '传媒', '汽车', '医院', '能源', '化工', '纺织'];
// Characters to swap one brand character for another company's brand.
const zhSwap = { 华: '中', 信: '新', 兰: '蓝', 亭: '庭', 云: '运', 帆: '凡', 青: '清', 鸟: '岛', 金: '今', 陵: '林', 蜀: '曙', 道: '达', 光: '广', 谷: '固',
  联: '连', 创: '昌', 珠: '朱', 江: '疆', 工: '公', 业: '叶', 园: '源', 秦: '勤', 川: '传', 海: '凯', 河: '禾', 渝: '宇', 新: '鑫', 欧: '鸥', 鹭: '路',
  岛: '道', 尔: '而', 卡: '佳', 奥: '澳', 斯: '思', 甬: '勇', 国: '果', 轩: '宣', 湘: '香', 宇: '雨', 通: '同', 浪: '朗', 潮: '超', 锐: '瑞',
  松: '嵩', 榕: '荣', 城: '程', 滇: '典', 池: '驰', 太: '泰', 湖: '虎', 山: '善', 顺: '舜', 德: '得', 中: '众', 关: '观', 村: '春', 陆: '路',
  家: '佳', 嘴: '翠', 前: '乾', 西: '希', 星: '兴', 网: '旺', 捷: '杰', 宝: '保', 汇: '惠', 恒: '衡', 生: '升', 南: '楠', 瑞: '锐', 广: '光', 电: '殿',
  运: '韵', 用: '永', 友: '佑', 万: '曼', 达: '大', 蝶: '迭', 烽: '丰', 火: '伙', 卫: '维', 士: '仕', 天: '田', 环: '寰', 科: '可', 大: '达',
  同: '通', 程: '城', 美: '梅', 图: '途', 均: '钧', 胜: '盛', 东: '冬', 软: '润', 福: '富', 耀: '瑶', 白: '柏', 药: '耀', 明: '铭', 四: '思', 维: '伟',
  谊: '益' };
const traditional = { 华: '華', 为: '為', 联: '聯', 兰: '蘭', 云: '雲', 软: '軟', 网: '網', 鸟: '鳥', 络: '絡', 陵: '陵', 据: '據', 电: '電', 业: '業',
  园: '園', 询: '詢', 机: '機', 门: '門', 鹭: '鷺', 岛: '島', 尔: '爾', 奥: '奧', 国: '國', 轩: '軒', 湘: '湘', 数: '數', 字: '字', 宁: '寧',
  锐: '銳', 东: '東', 讯: '訊', 车: '車', 发: '發', 展: '展', 术: '術', 团: '團', 份: '份', 务: '務', 广: '廣', 运: '運', 财: '財', 银: '銀',
  药: '藥', 医: '醫', 疗: '療', 导: '導', 航: '航', 图: '圖', 维: '維', 谊: '誼', 视: '視', 像: '像', 胜: '勝', 玻: '玻', 璃: '璃', 经: '經',
  营: '營', 厂: '廠', 产: '產', 总: '總', 开: '開', 设: '設', 计: '計', 气: '氣', 长: '長', 达: '達', 通: '通', 信: '信', 齐: '齊', 鲁: '魯' };
const regionForms = (r) => [`${r}市`, r];

// Latin base companies: [brand words, business words, legal form].
const latinBases = [
  ['Northwind', 'Traders', 'Inc.'], ['Contoso', 'Pharmaceuticals', 'Ltd.'], ['Fabrikam', 'Manufacturing', 'Corporation'],
  ['Tailspin', 'Toys', 'LLC'], ['Wingtip', 'Aerospace', 'Inc.'], ['Adventure Works', 'Cycles', 'Ltd'], ['Litware', 'Software', 'Inc.'],
  ['Proseware', 'Networks', 'GmbH'], ['Lucerne', 'Publishing', 'AG'], ['Woodgrove', 'Bank', 'plc'], ['Trey', 'Research', 'Inc.'],
  ['Blue Yonder', 'Airlines', 'Corporation'], ['Coho', 'Vineyard', 'LLC'], ['Alpine Ski', 'House', 'GmbH'], ['Bellows', 'College', ''],
  ['Humongous', 'Insurance', 'Company'], ['Margie', 'Travel', 'Ltd.'], ['Southridge', 'Video', 'Inc.'], ['VanArsdel', 'Foods', 'Ltd'],
  ['Wide World', 'Importers', 'Inc.'], ['Consolidated', 'Messenger', 'Corp.'], ['Graphic Design', 'Institute', ''], ['Nod', 'Publishers', 'LLC'],
  ['Datum', 'Analytics', 'Corporation'], ['Kestrel', 'Mining', 'Limited'], ['Obsidian', 'Security', 'Inc.'], ['Quintessa', 'Health', 'S.A.'],
  ['Rivermark', 'Logistics', 'B.V.'], ['Sablecrest', 'Energy', 'plc'], ['Tidewater', 'Shipping', 'Pte. Ltd.'], ['Umbra', 'Optics', 'GmbH'],
  ['Veridian', 'Dynamics', 'Inc.'], ['Westfield', 'Chemicals', 'Ltd.'], ['Yellowstone', 'Capital', 'LLC'], ['Zenith', 'Telecom', 'S.p.A.'],
  ['Brightwater', 'Utilities', 'Corporation'], ['Cobalt Ridge', 'Resources', 'Ltd'], ['Driftwood', 'Furniture', 'Inc.'], ['Evergreen', 'Medical', 'Group'],
  ['Foxglove', 'Biotech', 'Inc.'], ['Granite Peak', 'Construction', 'LLC'], ['Hollow Oak', 'Farms', 'Ltd.'], ['Ironbridge', 'Engineering', 'Ltd'],
  ['Juniper Falls', 'Hospitality', 'Inc.'], ['Kingsport', 'Paper', 'Company'], ['Lakeshore', 'Credit Union', ''], ['Meridian', 'Aviation', 'Corp.'],
  ['Nightingale', 'Healthcare', 'plc'], ['Oakhurst', 'Dairy', 'Inc.'], ['Pinecrest', 'Software', 'GmbH'], ['Quarry Hill', 'Materials', 'Ltd.'],
  ['Redwood', 'Analytics', 'Inc.'], ['Silverline', 'Transport', 'S.A.'], ['Thornbury', 'Estates', 'Ltd'], ['Upland', 'Robotics', 'Inc.'],
  ['Valemont', 'Textiles', 'S.A.S.'], ['Whitmore', 'Instruments', 'Corporation'], ['Yardley', 'Cosmetics', 'Ltd.'], ['Zephyr', 'Wind Power', 'AG'],
  ['Ashford', 'Consulting', 'LLP'],
];
const latinOtherBusiness = ['Logistics', 'Capital', 'Partners', 'Holdings', 'Systems', 'Foods', 'Motors', 'Media', 'Realty', 'Pharma', 'Energy', 'Airlines'];
const legalVariants = { 'Inc.': ['Inc', 'Incorporated', 'INC.'], 'Ltd.': ['Ltd', 'Limited'], Ltd: ['Ltd.', 'Limited'], Limited: ['Ltd', 'Ltd.'],
  Corporation: ['Corp.', 'Corp'], 'Corp.': ['Corporation', 'Corp'], LLC: ['L.L.C.', 'llc'], GmbH: ['G.m.b.H.', 'GMBH'], AG: ['A.G.', 'Aktiengesellschaft'],
  plc: ['PLC', 'p.l.c.'], Company: ['Co.', 'Co'], 'S.A.': ['SA', 'S.A'], 'B.V.': ['BV', 'B.V'], 'Pte. Ltd.': ['Pte Ltd', 'Private Limited'],
  'S.p.A.': ['SpA', 'S.P.A.'], Group: ['Grp', 'Group Ltd'], 'S.A.S.': ['SAS', 'S.A.S'], LLP: ['L.L.P.', 'llp'], '': ['', ''] };

function prng(seed) {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function buildZh(rand) {
  const pick = (xs) => xs[Math.floor(rand() * xs.length)];
  const out = [];
  for (const [region, brand, business, legal] of zhBases) {
    const base = `${region}${brand}${business}${legal}`;
    const positives = [
      [`${brand}（${region}）${business}${legal}`, 'region moved into brackets after the brand'],
      [`${region}市${brand}${business}${legal}`, 'region written with 市'],
      [`${brand}${business}${legal}`, 'region prefix omitted'],
      [`${region}${brand}${business}${legal === '有限公司' ? '有限责任公司' : '有限公司'}`, 'legal form variant'],
      [`${region}${brand}${business}`, 'legal form omitted'],
      [[...base].map((c) => traditional[c] || c).join(''), 'traditional characters'],
      [`${region} ${brand} ${business}${legal}`.replace(/ /g, pick([' ', '　', ''])), 'spacing (half or full width)'],
      [`${region}${brand}${business}(${pick(['集团', '中国'])})${legal}`.replace('(中国)', '（中国）'), 'bracketed group/country note'],
    ];
    // Two positives per base, chosen at random but reproducibly.
    const chosen = new Set();
    while (chosen.size < 2) chosen.add(Math.floor(rand() * positives.length));
    for (const i of chosen) {
      const [b, reason] = positives[i];
      if (b !== base) out.push({ a: base, b, same: true, lang: 'zh', reason });
    }
    // Negatives: a different business under the same brand; a brand one character away.
    const other = pick(zhOtherBusiness.filter((w) => !business.includes(w)));
    out.push({ a: base, b: `${region}${brand}${other}${legal}`, same: false, lang: 'zh', reason: `same brand, ${business} vs ${other}: another company` });
    const chars = [...brand];
    const at = chars.findIndex((c) => zhSwap[c]);
    if (at >= 0) {
      const swapped = chars.map((c, i) => (i === at ? zhSwap[c] : c)).join('');
      out.push({ a: base, b: `${pick(regionForms(region))}${swapped}${business}${legal}`, same: false, lang: 'zh', reason: `brand ${brand} vs ${swapped}: another company` });
    }
  }
  return out;
}

function typo(word, rand) {
  if (word.length < 7) return null;
  const i = 2 + Math.floor(rand() * (word.length - 4));
  return word.slice(0, i) + word[i + 1] + word[i] + word.slice(i + 2);
}

function buildLatin(rand) {
  const pick = (xs) => xs[Math.floor(rand() * xs.length)];
  const out = [];
  for (const [brand, business, legal] of latinBases) {
    const base = `${brand} ${business}${legal ? ` ${legal}` : ''}`;
    const variantLegal = pick(legalVariants[legal] ?? ['']);
    const t = typo(brand.split(' ')[0], rand);
    const positives = [
      [`${brand} ${business}${variantLegal ? ` ${variantLegal}` : ''}`, 'legal form written differently'],
      [`${brand} ${business}`.toUpperCase(), 'upper case, legal form omitted'],
      [`The ${brand} ${business}${legal ? `, ${legal}` : ''}`, 'leading article and comma'],
      [`${brand.replace(/ /g, '-')} ${business}${legal ? ` ${legal}` : ''}`, 'hyphen instead of space'],
      ...(t ? [[`${t}${brand.includes(' ') ? brand.slice(brand.indexOf(' ')) : ''} ${business}${legal ? ` ${legal}` : ''}`, 'typing error (two letters swapped) in a long brand']] : []),
      [`${brand} ${business} ${pick(['(Asia)', '(China)', '(Hong Kong)'])}${legal ? ` ${legal}` : ''}`, 'bracketed regional note'],
    ];
    const chosen = new Set();
    while (chosen.size < 2) chosen.add(Math.floor(rand() * positives.length));
    for (const i of chosen) {
      const [b, reason] = positives[i];
      if (b !== base) out.push({ a: base, b, same: true, lang: 'latin', reason });
    }
    const other = pick(latinOtherBusiness.filter((w) => !business.includes(w)));
    out.push({ a: base, b: `${brand} ${other}${legal ? ` ${legal}` : ''}`, same: false, lang: 'latin', reason: `same brand, ${business} vs ${other}: another company` });
    const otherBrand = pick(latinBases.filter(([b2]) => b2 !== brand))[0];
    out.push({ a: base, b: `${otherBrand} ${business}${legal ? ` ${legal}` : ''}`, same: false, lang: 'latin', reason: `different brand (${otherBrand}), same business word` });
  }
  return out;
}

/** The whole labelled set, the same on every call. */
export function labelledPairs() {
  const rand = prng(20261128);
  const hand = [...handWritten, ...shortFormsAndTranslations].map(([a, b, same, reason]) => ({ a, b, same, lang: /[\u3400-\u9fff]/.test(a) ? 'zh' : 'latin', reason }));
  return [...hand, ...buildZh(rand), ...buildLatin(rand)];
}

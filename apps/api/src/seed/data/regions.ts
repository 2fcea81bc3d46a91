/** China's province-level divisions with their main cities, and a few other markets. [code, zh, en, cities] */
export type RegionSeed = [code: string, nameZh: string, nameEn: string, cities?: [string, string, string][]];

export const CHINA_PROVINCES: RegionSeed[] = [
  ['BJ', '北京市', 'Beijing', [['BJ-HD', '海淀区', 'Haidian'], ['BJ-CY', '朝阳区', 'Chaoyang']]],
  ['TJ', '天津市', 'Tianjin'],
  ['HE', '河北省', 'Hebei', [['HE-SJZ', '石家庄市', 'Shijiazhuang']]],
  ['SX', '山西省', 'Shanxi', [['SX-TY', '太原市', 'Taiyuan']]],
  ['NM', '内蒙古自治区', 'Inner Mongolia', [['NM-HHHT', '呼和浩特市', 'Hohhot']]],
  ['LN', '辽宁省', 'Liaoning', [['LN-SY', '沈阳市', 'Shenyang'], ['LN-DL', '大连市', 'Dalian']]],
  ['JL', '吉林省', 'Jilin', [['JL-CC', '长春市', 'Changchun']]],
  ['HL', '黑龙江省', 'Heilongjiang', [['HL-HEB', '哈尔滨市', 'Harbin']]],
  ['SH', '上海市', 'Shanghai', [['SH-PD', '浦东新区', 'Pudong'], ['SH-XH', '徐汇区', 'Xuhui']]],
  ['JS', '江苏省', 'Jiangsu', [['JS-NJ', '南京市', 'Nanjing'], ['JS-SZ', '苏州市', 'Suzhou'], ['JS-WX', '无锡市', 'Wuxi']]],
  ['ZJ', '浙江省', 'Zhejiang', [['ZJ-HZ', '杭州市', 'Hangzhou'], ['ZJ-NB', '宁波市', 'Ningbo']]],
  ['AH', '安徽省', 'Anhui', [['AH-HF', '合肥市', 'Hefei']]],
  ['FJ', '福建省', 'Fujian', [['FJ-FZ', '福州市', 'Fuzhou'], ['FJ-XM', '厦门市', 'Xiamen']]],
  ['JX', '江西省', 'Jiangxi', [['JX-NC', '南昌市', 'Nanchang']]],
  ['SD', '山东省', 'Shandong', [['SD-JN', '济南市', 'Jinan'], ['SD-QD', '青岛市', 'Qingdao']]],
  ['HA', '河南省', 'Henan', [['HA-ZZ', '郑州市', 'Zhengzhou']]],
  ['HB', '湖北省', 'Hubei', [['HB-WH', '武汉市', 'Wuhan']]],
  ['HN', '湖南省', 'Hunan', [['HN-CS', '长沙市', 'Changsha']]],
  ['GD', '广东省', 'Guangdong', [['GD-GZ', '广州市', 'Guangzhou'], ['GD-SZ', '深圳市', 'Shenzhen'], ['GD-DG', '东莞市', 'Dongguan'], ['GD-FS', '佛山市', 'Foshan']]],
  ['GX', '广西壮族自治区', 'Guangxi', [['GX-NN', '南宁市', 'Nanning']]],
  ['HI', '海南省', 'Hainan', [['HI-HK', '海口市', 'Haikou']]],
  ['CQ', '重庆市', 'Chongqing'],
  ['SC', '四川省', 'Sichuan', [['SC-CD', '成都市', 'Chengdu']]],
  ['GZ', '贵州省', 'Guizhou', [['GZ-GY', '贵阳市', 'Guiyang']]],
  ['YN', '云南省', 'Yunnan', [['YN-KM', '昆明市', 'Kunming']]],
  ['XZ', '西藏自治区', 'Tibet'],
  ['SN', '陕西省', 'Shaanxi', [['SN-XA', '西安市', "Xi'an"]]],
  ['GS', '甘肃省', 'Gansu', [['GS-LZ', '兰州市', 'Lanzhou']]],
  ['QH', '青海省', 'Qinghai'],
  ['NX', '宁夏回族自治区', 'Ningxia'],
  ['XJ', '新疆维吾尔自治区', 'Xinjiang', [['XJ-WLMQ', '乌鲁木齐市', 'Urumqi']]],
  ['HK', '香港特别行政区', 'Hong Kong'],
  ['MO', '澳门特别行政区', 'Macao'],
];

export const OTHER_COUNTRIES: RegionSeed[] = [
  ['SG', '新加坡', 'Singapore'],
  ['MY', '马来西亚', 'Malaysia', [['MY-KL', '吉隆坡', 'Kuala Lumpur']]],
  ['ID', '印度尼西亚', 'Indonesia', [['ID-JK', '雅加达', 'Jakarta']]],
  ['VN', '越南', 'Vietnam', [['VN-HCM', '胡志明市', 'Ho Chi Minh City']]],
  ['TH', '泰国', 'Thailand', [['TH-BKK', '曼谷', 'Bangkok']]],
  ['AE', '阿联酋', 'United Arab Emirates', [['AE-DXB', '迪拜', 'Dubai']]],
];

/** Provinces where the vendor's own sales team is strong: high potential, easy to expand. */
export const TIER1 = new Set(['BJ', 'SH', 'GD', 'ZJ', 'JS']);

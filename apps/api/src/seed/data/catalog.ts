export const INDUSTRIES: [code: string, nameZh: string, nameEn: string][] = [
  ['MFG', '制造业', 'Manufacturing'],
  ['FIN', '金融', 'Financial services'],
  ['GOV', '政府与公共事业', 'Government & public sector'],
  ['HLT', '医疗健康', 'Healthcare'],
  ['EDU', '教育', 'Education'],
  ['RET', '零售与消费品', 'Retail & consumer goods'],
  ['ENE', '能源与电力', 'Energy & utilities'],
  ['LOG', '交通物流', 'Transport & logistics'],
  ['TEL', '通信与互联网', 'Telecom & internet'],
  ['RES', '房地产与建筑', 'Real estate & construction'],
];

export const PRODUCT_LINES: [code: string, nameZh: string, nameEn: string][] = [
  ['DATA', '数据平台', 'Data Platform'],
  ['SEC', '安全', 'Security'],
  ['CX', '客户体验云', 'Customer Experience Cloud'],
];

/** [sku, line, zh, en, list price (exact decimal string), standard product (sellable by distributors)] */
export const PRODUCTS: [string, string, string, string, string, boolean][] = [
  ['DP-ENT', 'DATA', '数据平台企业版（年订阅）', 'Data Platform Enterprise (annual)', '480000.00', false],
  ['DP-STD', 'DATA', '数据平台标准版（年订阅）', 'Data Platform Standard (annual)', '98000.00', true],
  ['DP-CONN', 'DATA', '数据连接器包', 'Data connector pack', '12800.00', true],
  ['SEC-XDR', 'SEC', '扩展检测与响应 XDR', 'Extended Detection & Response (XDR)', '260000.00', false],
  ['SEC-EDR', 'SEC', '终端防护（每 100 终端）', 'Endpoint protection (per 100 endpoints)', '36000.00', true],
  ['SEC-AUDIT', 'SEC', '安全合规审计服务', 'Security compliance audit service', '150000.00', false],
  ['CX-SVC', 'CX', '智能客服云（每席位/年）', 'Service Cloud (per seat / year)', '4800.00', true],
  ['CX-MKT', 'CX', '营销自动化', 'Marketing Automation', '120000.00', false],
];

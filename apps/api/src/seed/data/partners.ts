import type { PartnerStatus, PartnerType } from '@partnerline/domain';

export interface PartnerSeed {
  slug: string;
  name: string;
  nameEn: string;
  type: PartnerType;
  status: PartnerStatus;
  region: string;
  manager: 'manager' | 'manager2';
  /** Extra partner users: [local part, display name, job role]. */
  team?: [string, string, 'sales' | 'presales' | 'service'][];
}

/** ~40 partner organisations across both types and every lifecycle status. Fictional. */
export const PARTNERS: PartnerSeed[] = [
  {
    slug: 'huaxin', name: '华信智联科技有限公司', nameEn: 'Huaxin Zhilian Technology Co., Ltd.', type: 'strategic', status: 'active', region: 'BJ-HD', manager: 'manager',
    team: [['sales', '王磊', 'sales'], ['presales', '李婷', 'presales'], ['service', '赵强', 'service'], ['sales2', '孙悦', 'sales'], ['presales2', '周凯', 'presales']],
  },
  { slug: 'lanting', name: '兰亭科技有限公司', nameEn: 'Lanting Technology Co., Ltd.', type: 'smb', status: 'active', region: 'ZJ-HZ', manager: 'manager', team: [['sales', '陈静', 'sales'], ['presales', '吴昊', 'presales'], ['service', '郑雪', 'service']] },
  { slug: 'dingsheng', name: '鼎盛数据服务有限公司', nameEn: 'Dingsheng Data Services Ltd.', type: 'strategic', status: 'active', region: 'SH-PD', manager: 'manager2', team: [['sales', '周明', 'sales']] },
  { slug: 'yunfan', name: '云帆信息技术股份有限公司', nameEn: 'Yunfan Information Technology Inc.', type: 'strategic', status: 'active', region: 'GD-SZ', manager: 'manager' },
  { slug: 'jinshi', name: '金石软件有限公司', nameEn: 'Jinshi Software Ltd.', type: 'smb', status: 'active', region: 'JS-NJ', manager: 'manager2' },
  { slug: 'haina', name: '海纳系统集成有限公司', nameEn: 'Haina Systems Integration Ltd.', type: 'strategic', status: 'active', region: 'SD-QD', manager: 'manager2' },
  { slug: 'zhiyuan', name: '智远咨询有限公司', nameEn: 'Zhiyuan Consulting Ltd.', type: 'smb', status: 'active', region: 'SC-CD', manager: 'manager' },
  { slug: 'tianhe', name: '天禾网络科技有限公司', nameEn: 'Tianhe Network Technology Ltd.', type: 'smb', status: 'active', region: 'GD-GZ', manager: 'manager' },
  { slug: 'beichen', name: '北辰数字科技有限公司', nameEn: 'Beichen Digital Technology Ltd.', type: 'strategic', status: 'active', region: 'LN-SY', manager: 'manager2' },
  { slug: 'qingyun', name: '青云软件服务有限公司', nameEn: 'Qingyun Software Services Ltd.', type: 'smb', status: 'active', region: 'HB-WH', manager: 'manager' },
  { slug: 'hengtong', name: '恒通信息系统有限公司', nameEn: 'Hengtong Information Systems Ltd.', type: 'strategic', status: 'active', region: 'SN-XA', manager: 'manager2' },
  { slug: 'ruijie-data', name: '瑞捷数据科技有限公司', nameEn: 'Ruijie Data Technology Ltd.', type: 'smb', status: 'active', region: 'FJ-XM', manager: 'manager' },
  { slug: 'mingda', name: '明达智能科技有限公司', nameEn: 'Mingda Intelligent Technology Ltd.', type: 'smb', status: 'active', region: 'HN-CS', manager: 'manager2' },
  { slug: 'xinghai', name: '星海云计算有限公司', nameEn: 'Xinghai Cloud Computing Ltd.', type: 'strategic', status: 'active', region: 'ZJ-NB', manager: 'manager' },
  { slug: 'lionbridge-sg', name: '狮城数字方案有限公司', nameEn: 'Lion City Digital Solutions Pte. Ltd.', type: 'strategic', status: 'active', region: 'SG', manager: 'manager2' },
  { slug: 'kl-techworks', name: '吉隆坡科技工坊', nameEn: 'KL Techworks Sdn. Bhd.', type: 'smb', status: 'active', region: 'MY-KL', manager: 'manager2' },
  { slug: 'anxin', name: '安信安全技术有限公司', nameEn: 'Anxin Security Technology Ltd.', type: 'smb', status: 'active', region: 'AH-HF', manager: 'manager' },
  { slug: 'boyuan', name: '博远教育科技有限公司', nameEn: 'Boyuan Education Technology Ltd.', type: 'smb', status: 'active', region: 'HA-ZZ', manager: 'manager2' },
  { slug: 'zhongke', name: '中科汇智信息技术有限公司', nameEn: 'Zhongke Huizhi IT Ltd.', type: 'strategic', status: 'trial', region: 'BJ-CY', manager: 'manager' },
  { slug: 'dongfang', name: '东方启明软件有限公司', nameEn: 'Dongfang Qiming Software Ltd.', type: 'smb', status: 'trial', region: 'SH-XH', manager: 'manager2' },
  { slug: 'huasheng', name: '华晟医疗信息有限公司', nameEn: 'Huasheng Medical IT Ltd.', type: 'strategic', status: 'trial', region: 'GD-SZ', manager: 'manager' },
  { slug: 'jiahe', name: '嘉禾零售科技有限公司', nameEn: 'Jiahe Retail Technology Ltd.', type: 'smb', status: 'trial', region: 'JS-SZ', manager: 'manager2' },
  { slug: 'saigon-cloud', name: '西贡云服务公司', nameEn: 'Saigon Cloud Services JSC', type: 'smb', status: 'trial', region: 'VN-HCM', manager: 'manager2' },
  { slug: 'kaiyuan', name: '开元能源数字有限公司', nameEn: 'Kaiyuan Energy Digital Ltd.', type: 'strategic', status: 'screening', region: 'SX-TY', manager: 'manager' },
  { slug: 'lvzhou', name: '绿洲物流科技有限公司', nameEn: 'Lvzhou Logistics Technology Ltd.', type: 'smb', status: 'screening', region: 'CQ', manager: 'manager2' },
  { slug: 'pinrui', name: '品锐营销服务有限公司', nameEn: 'Pinrui Marketing Services Ltd.', type: 'smb', status: 'screening', region: 'FJ-FZ', manager: 'manager' },
  { slug: 'bangkok-it', name: '曼谷信息科技公司', nameEn: 'Bangkok IT Partners Co., Ltd.', type: 'strategic', status: 'screening', region: 'TH-BKK', manager: 'manager2' },
  { slug: 'xinrui', name: '新锐网络有限公司', nameEn: 'Xinrui Network Ltd.', type: 'smb', status: 'applied', region: 'HE-SJZ', manager: 'manager' },
  { slug: 'changjiang', name: '长江数智科技有限公司', nameEn: 'Changjiang Shuzhi Technology Ltd.', type: 'strategic', status: 'applied', region: 'HB-WH', manager: 'manager2' },
  { slug: 'yuelu', name: '岳麓软件工作室', nameEn: 'Yuelu Software Studio', type: 'smb', status: 'applied', region: 'HN-CS', manager: 'manager' },
  { slug: 'jakarta-digital', name: '雅加达数字公司', nameEn: 'PT Jakarta Digital Nusantara', type: 'smb', status: 'applied', region: 'ID-JK', manager: 'manager2' },
  { slug: 'fengchi', name: '风驰电子商务有限公司', nameEn: 'Fengchi E-commerce Ltd.', type: 'smb', status: 'rejected', region: 'GD-DG', manager: 'manager' },
  { slug: 'tongda', name: '通达伟业贸易有限公司', nameEn: 'Tongda Weiye Trading Ltd.', type: 'strategic', status: 'rejected', region: 'TJ', manager: 'manager2' },
  { slug: 'leyou', name: '乐游网络科技有限公司', nameEn: 'Leyou Network Technology Ltd.', type: 'smb', status: 'rejected', region: 'GX-NN', manager: 'manager' },
  { slug: 'hongtu', name: '宏图系统工程有限公司', nameEn: 'Hongtu Systems Engineering Ltd.', type: 'strategic', status: 'suspended', region: 'HL-HEB', manager: 'manager2' },
  { slug: 'xiangyun', name: '祥云信息服务有限公司', nameEn: 'Xiangyun Information Services Ltd.', type: 'smb', status: 'suspended', region: 'YN-KM', manager: 'manager' },
  { slug: 'dubai-gulf', name: '海湾数字集成公司', nameEn: 'Gulf Digital Integration LLC', type: 'strategic', status: 'suspended', region: 'AE-DXB', manager: 'manager2' },
  { slug: 'shengshi', name: '盛世网联科技有限公司', nameEn: 'Shengshi Wanglian Technology Ltd.', type: 'smb', status: 'terminated', region: 'JX-NC', manager: 'manager' },
  { slug: 'yaxin', name: '亚信恒达软件有限公司', nameEn: 'Yaxin Hengda Software Ltd.', type: 'strategic', status: 'terminated', region: 'GS-LZ', manager: 'manager2' },
  { slug: 'jinqiao', name: '金桥电子政务有限公司', nameEn: 'Jinqiao E-Government Ltd.', type: 'smb', status: 'terminated', region: 'NM-HHHT', manager: 'manager' },
];

export const VENDOR_USERS: [email: string, name: string, role: 'vendor_admin' | 'channel_manager' | 'leadership', locale: 'zh-CN' | 'en'][] = [
  ['admin@partnerline.demo', '系统管理员 Admin', 'vendor_admin', 'zh-CN'],
  ['manager@partnerline.demo', '刘洋', 'channel_manager', 'zh-CN'],
  ['manager2@partnerline.demo', 'Emily Chen', 'channel_manager', 'en'],
  ['leader@partnerline.demo', '孙总', 'leadership', 'zh-CN'],
];

export const DEMO_PASSWORD = 'Partnerline-demo-2026';

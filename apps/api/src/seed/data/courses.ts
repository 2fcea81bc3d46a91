/**
 * The demo training catalogue: Chinese and English courses on the three tracks of DOMAIN §6.
 * Quiz answers: the option marked `true` is correct. Ids are derived from the course code when seeded.
 */
export interface CourseSeed {
  code: string;
  title: string;
  summary: string;
  track: 'solution_technical' | 'gtm_sales' | 'sales_process';
  jobRole: 'sales' | 'presales' | 'service';
  line: 'DATA' | 'SEC' | 'CX';
  language: 'zh-CN' | 'en';
  minutes: number;
  status: 'draft' | 'published';
  modules: { title: string; body: string; links?: [string, string][]; video?: string }[];
  quiz: { prompt: string; multiple?: boolean; options: [string, boolean][] }[];
}

export const COURSES: CourseSeed[] = [
  {
    code: 'DATA-GTM-101',
    title: '数据平台 GTM 销售培训',
    summary: '面向合作伙伴销售：数据平台的目标客户、要解决的问题、定价、竞争格局、独特价值与典型案例。完成并通过测验即可获得“数据平台认证销售”。',
    track: 'gtm_sales',
    jobRole: 'sales',
    line: 'DATA',
    language: 'zh-CN',
    minutes: 90,
    status: 'published',
    modules: [
      {
        title: '目标客户与客户痛点',
        body: `## 我们卖给谁\n\n数据平台的**首选客户**是年营收 10 亿元以上、已有多个业务系统、正在推进数据治理的企业，重点行业为**金融、制造、能源**。\n\n典型痛点：\n\n- 数据分散在 ERP、CRM、MES 等系统中，口径不一致，报表要靠人工对账；\n- 监管报送（如 EAST、1104）时间紧、返工多；\n- 业务部门想做分析，却要排队等 IT 取数。\n\n## 谁来拍板\n\n- **决策者**：CIO / 首席数据官；\n- **影响者**：数据中心负责人、业务部门负责人；\n- **采购**：采购部或信息中心综合科。\n\n> 报备商机时，请把这三类联系人都填上，并标注其决策层级。`,
      },
      {
        title: '定价与竞争',
        body: `## 报价原则\n\n- 企业版按年订阅，列表价 ¥480,000；标准版 ¥98,000；\n- 合作伙伴价格以协议价格表为准，**不得低于协议价对外报价**；\n- 多年期合同可申请特价，须经渠道经理审批。\n\n## 常见竞争对手与应对\n\n| 对手类型 | 他们的说法 | 我们的回应 |\n|---|---|---|\n| 开源自建 | “免费” | 总拥有成本：运维人力、升级、安全合规 |\n| 国际厂商 | “功能最全” | 本地化服务、信创适配、响应速度 |\n\n不要诋毁竞争对手，用客户案例和数字说话。`,
        links: [['价格表（合作伙伴门户 → 协议）', 'https://partnerline.example.com/portal/agreements']],
      },
      {
        title: '独特价值与成功案例',
        body: `## 三句话讲清价值\n\n1. **一个口径**：统一指标平台，监管报送与经营分析同源；\n2. **一周上线**：预置 200+ 行业数据模型；\n3. **全程可审计**：每一次取数、每一次口径变更都有记录。\n\n## 案例\n\n某城商行：监管报送准备时间由 10 天缩短到 2 天，报送差错率下降 80%。`,
        video: 'https://video.example.com/partnerline/data-platform-value.mp4',
      },
      {
        title: '常见问题（FAQ）',
        body: `**问：客户已经有数据仓库，还需要数据平台吗？**\n答：需要。数据平台在现有数仓之上提供统一指标与治理，不要求推倒重来。\n\n**问：是否支持私有化部署？**\n答：支持，企业版提供私有化与信创环境部署。\n\n**问：客户要先试用怎么办？**\n答：先在门户报备商机，批准后可申请 POC 环境，由售前支持。`,
      },
    ],
    quiz: [
      { prompt: '数据平台的首选客户是哪一类企业？', options: [['年营收 10 亿元以上、正在推进数据治理的企业', true], ['只有一个业务系统的小微企业', false], ['尚未上线任何信息系统的企业', false]] },
      { prompt: '报备商机时应当填写哪些联系人？（多选）', multiple: true, options: [['决策者（如 CIO）', true], ['影响者（如数据中心负责人）', true], ['采购', true], ['竞争对手的销售', false]] },
      { prompt: '合作伙伴对外报价可以低于协议价格吗？', options: [['不可以，多年期特价须经渠道经理审批', true], ['可以，只要能赢单', false], ['可以，但需告知客户', false]] },
      { prompt: '面对“开源自建免费”的说法，应首先强调什么？', options: [['总拥有成本：运维人力、升级与安全合规', true], ['开源软件不安全', false], ['我们的列表价更低', false]] },
      { prompt: '客户希望先试用，正确的做法是？', options: [['先报备商机，批准后申请 POC 环境', true], ['直接把安装包发给客户', false], ['让客户自行下载开源版本', false]] },
    ],
  },
  {
    code: 'DATA-SP-101',
    title: '销售流程分享：从客户拜访到订单处理',
    summary: '优秀合作伙伴的销售流程经验：客户拜访、商机推进、订单处理与回款。',
    track: 'sales_process',
    jobRole: 'sales',
    line: 'DATA',
    language: 'zh-CN',
    minutes: 45,
    status: 'published',
    modules: [
      { title: '客户拜访', body: `## 拜访前\n\n- 研究客户年报与招标信息；\n- 准备一页纸的行业案例。\n\n## 拜访中\n\n先问问题，后讲方案：了解现状、痛点、预算周期与决策链。` },
      { title: '商机推进', body: `商机阶段：**资格确认 → 方案 → 报价 → 谈判**。每推进一个阶段，请在门户更新报备的阶段与预计成交日期；保护期到期前 14 天会收到提醒，可申请一次延期。` },
      { title: '订单处理与回款', body: `- 合同签订后在门户将报备标记为**赢单**并填写合同金额；\n- 按协议付款方式回款：签约后 30 日内支付 50%，验收后 30 日内支付余款；\n- 赢单金额计入业绩考核与返点。` },
    ],
    quiz: [
      { prompt: '报备保护期到期前多少天会收到第一次提醒？', options: [['14 天', true], ['30 天', false], ['1 天', false]] },
      { prompt: '赢单后应在门户做什么？', options: [['将报备标记为赢单并填写合同金额', true], ['撤回报备', false], ['什么都不用做', false]] },
      { prompt: '商机阶段的正确顺序是？', options: [['资格确认 → 方案 → 报价 → 谈判', true], ['报价 → 资格确认 → 谈判 → 方案', false], ['方案 → 谈判 → 资格确认 → 报价', false]] },
    ],
  },
  {
    code: 'DATA-TECH-201',
    title: 'Data Platform Solution Technical Training',
    summary: 'For presales engineers: architecture, the standard demo, and running a proof of concept. Passing earns the Data Platform Certified Presales certificate.',
    track: 'solution_technical',
    jobRole: 'presales',
    line: 'DATA',
    language: 'en',
    minutes: 180,
    status: 'published',
    modules: [
      {
        title: 'Architecture overview',
        body: `## Layers\n\n1. **Ingestion** — connectors for 60+ sources (Oracle, SAP, MySQL, Kafka);\n2. **Storage** — columnar lakehouse on object storage;\n3. **Semantic layer** — governed metrics, one definition per KPI;\n4. **Serving** — SQL, APIs and dashboards.\n\nEverything is deployable on-premises, including domestic (Xinchuang) hardware and operating systems.`,
        links: [['Architecture white paper', 'https://docs.example.com/data-platform/architecture']],
      },
      {
        title: 'The standard demo',
        body: `Run the **15-minute standard demo** from the demo environment: connect a source, define a metric, publish a dashboard, show the audit trail of a metric change.\n\nA partner must keep a working demo environment: it is checked in every qualification review.`,
        video: 'https://video.example.com/partnerline/standard-demo.mp4',
      },
      {
        title: 'Running a proof of concept',
        body: `- Agree **success criteria in writing** before starting;\n- Limit a PoC to 4 weeks and 3 use cases;\n- Register the opportunity first — PoC environments are only provided for approved registrations.`,
      },
    ],
    quiz: [
      { prompt: 'Which layer gives every KPI a single governed definition?', options: [['The semantic layer', true], ['The ingestion layer', false], ['The storage layer', false]] },
      { prompt: 'What must be agreed before a proof of concept starts?', options: [['Written success criteria', true], ['The final price', false], ['The go-live date', false]] },
      { prompt: 'Which of these are checked in a qualification review? (choose all that apply)', multiple: true, options: [['A working demo environment', true], ['After-sales service process', true], ['The partner’s office size', false]] },
      { prompt: 'When is a PoC environment provided?', options: [['Only for an approved deal registration', true], ['Whenever a customer asks', false], ['After the contract is signed', false]] },
    ],
  },
  {
    code: 'DATA-SVC-201',
    title: '数据平台实施与运维',
    summary: '面向服务工程师：部署、升级、监控与一线故障处理，以及与厂商二线支持的分工。',
    track: 'solution_technical',
    jobRole: 'service',
    line: 'DATA',
    language: 'zh-CN',
    minutes: 120,
    status: 'published',
    modules: [
      { title: '部署与升级', body: `- 私有化部署前完成环境检查清单；\n- 升级前必须备份元数据库；\n- 小版本可滚动升级，大版本需停机窗口。` },
      { title: '监控与一线故障处理', body: `合作伙伴负责**一线运维**：监控告警、常见故障处理。无法解决的问题在 4 小时内升级到厂商二线支持，并附上日志包。` },
    ],
    quiz: [
      { prompt: '升级前必须做什么？', options: [['备份元数据库', true], ['重装操作系统', false], ['通知所有最终用户停止工作一周', false]] },
      { prompt: '一线无法解决的问题应在多长时间内升级到厂商二线？', options: [['4 小时', true], ['4 天', false], ['无需升级', false]] },
    ],
  },
  {
    code: 'SEC-GTM-101',
    title: 'Security GTM Sales Essentials',
    summary: 'Target customers, pains and positioning of the endpoint security line.',
    track: 'gtm_sales',
    jobRole: 'sales',
    line: 'SEC',
    language: 'en',
    minutes: 60,
    status: 'published',
    modules: [
      { title: 'Who buys endpoint security', body: `Mid-size enterprises with **500–5,000 endpoints**, a small security team and compliance pressure (classified protection 2.0).` },
      { title: 'Positioning against the competition', body: `Lead with **detection and response**, not antivirus. Show the time-to-contain figure from the reference customers.` },
    ],
    quiz: [
      { prompt: 'What should you lead with?', options: [['Detection and response', true], ['Antivirus signatures', false], ['The lowest price', false]] },
      { prompt: 'Which customers are the best fit?', options: [['500–5,000 endpoints with a small security team', true], ['Home users', false], ['Companies without computers', false]] },
    ],
  },
  {
    code: 'CX-TECH-101',
    title: 'Customer Experience Cloud: Implementation Basics',
    summary: 'Draft — being written by the CX product team.',
    track: 'solution_technical',
    jobRole: 'presales',
    line: 'CX',
    language: 'en',
    minutes: 60,
    status: 'draft',
    modules: [{ title: 'Tenants and channels', body: 'Outline: tenant set-up, channel connectors (WeChat, phone, e-mail), routing rules.' }],
    quiz: [],
  },
];

/** [name, job role, product line, course codes] */
export const PATHS: [string, 'sales' | 'presales' | 'service', 'DATA' | 'SEC' | 'CX', string[]][] = [
  ['数据平台认证销售 Data Platform Certified Sales', 'sales', 'DATA', ['DATA-GTM-101']],
  ['数据平台认证售前 Data Platform Certified Presales', 'presales', 'DATA', ['DATA-TECH-201']],
  ['数据平台认证服务工程师 Data Platform Certified Service Engineer', 'service', 'DATA', ['DATA-SVC-201']],
  ['安全产品认证销售 Security Certified Sales', 'sales', 'SEC', ['SEC-GTM-101']],
];

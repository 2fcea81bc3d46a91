import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, it } from 'vitest';
import { baseUrl, type Browser, openBrowser, screenshot, signIn } from '../support/browser';

/** A valid unified social credit code for this run (check digit computed as GB 32100-2015 prescribes). */
function usccFor(seed: number): string {
  const chars = '0123456789ABCDEFGHJKLMNPQRTUWXY';
  const weights = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];
  const body = `91330106MA${String(seed % 1e7).padStart(7, '0')}`;
  const sum = [...body].reduce((s, c, i) => s + chars.indexOf(c) * weights[i], 0);
  const check = 31 - (sum % 31);
  return body + chars[check === 31 ? 0 : check];
}

async function pick(page: Page, label: string, search: string, option: RegExp | string) {
  const input = page.getByRole('combobox', { name: label, exact: true }).first();
  await input.click();
  if (await input.isEditable()) await input.fill(search);
  await page.getByRole('option', { name: option }).first().click();
}

describe('partner screening, both sides, in Chromium', () => {
  let applicant: Browser;
  let manager: Browser;
  const stamp = Date.now();
  const company = `杭州云岚数据科技有限公司${String(stamp).slice(-4)}`;
  const email = `shen-${stamp}@yunlan.example.cn`;

  beforeAll(async () => {
    [applicant, manager] = await Promise.all([openBrowser('zh-CN'), openBrowser('zh-CN')]);
  });
  afterAll(async () => {
    await Promise.all([applicant?.close(), manager?.close()]);
  });

  it('apply (in Chinese) → screen → request information → answer → trial → successful trial', async () => {
    const a = applicant.page;
    // 1. The applicant applies in the portal, in Chinese.
    await a.goto(`${baseUrl()}/portal/apply`);
    await a.getByRole('heading', { name: '申请成为合作伙伴' }).waitFor();
    await a.getByRole('textbox', { name: '公司名称', exact: true }).fill(company);
    await a.getByRole('textbox', { name: '统一社会信用代码（中国）' }).fill(usccFor(stamp));
    await a.getByLabel('网站域名').fill(`yunlan-${stamp}.example.cn`);
    await pick(a, '总部所在地', '杭州', /杭州市/);
    await a.getByLabel('员工人数').fill('85');
    await a.getByLabel('年营业额（人民币）').fill('26800000.00');
    await a.getByLabel('经营年限').fill('6');
    await a.getByRole('combobox', { name: '业务方向' }).fill('数据分析');
    await a.getByRole('combobox', { name: '业务方向' }).press('Enter');
    await a.getByLabel('中小伙伴').check();
    await pick(a, '行业 1', '零售', /零售与消费品/);
    await pick(a, '区域 1', '浙江', /浙江省/);
    await a.getByLabel('专职负责人 姓名').fill('沈岚');
    await a.getByLabel('专职负责人 邮箱').fill('shen@yunlan.example.cn');
    await a.getByLabel('我们按时付款').check();
    await a.getByLabel('我们在申请的细分市场中不代理').check();
    await a.getByLabel('您的姓名').fill('沈岚');
    await a.getByRole('textbox', { name: '邮箱' }).last().fill(email);
    await a.getByLabel('密码（至少 10 个字符）').fill('Applicant-pass-2026');
    await screenshot(a, 'portal-apply-filled');
    await a.getByRole('button', { name: '提交申请' }).click();
    await a.waitForURL(/\/portal\/application/);
    await a.getByText('申请已收到').first().waitFor();

    // 2. The channel manager finds it in the queue, assigns it, scores it and asks a question.
    const m = manager.page;
    await signIn(m, 'admin', 'manager@partnerline.demo', 'zh');
    await m.waitForURL(/\/admin\/?$/);
    await m.goto(`${baseUrl()}/admin/partners?view=queue`);
    await m.getByRole('link', { name: company }).click();
    await m.getByRole('heading', { name: company }).waitFor();
    await pick(m, '指派给渠道经理', '刘', '刘洋');
    await m.getByRole('button', { name: '指派', exact: true }).click();
    await m.getByText('刘洋').first().waitFor();
    await m.getByRole('button', { name: '新建评分卡' }).click();
    for (const [criterion, score] of [['现金流稳定', '4'], ['接近客户', '4'], ['专人负责', '3'], ['诚信守法', '5']]) {
      await m.getByLabel(`${criterion} 分数（0–5）`).fill(score);
    }
    await m.getByText(/^(总分: )?82(\.0+)?$/).first().waitFor(); // whole text only: a USCC can contain "82"
    await m.getByRole('button', { name: '保存评分卡' }).click();
    await m.getByText('通过', { exact: true }).first().waitFor();
    await m.getByRole('button', { name: '要求补充信息' }).click();
    await m.getByRole('dialog').getByLabel('向申请者提出的问题').fill('请补充近两年的零售客户案例。');
    await m.getByRole('dialog').getByRole('button', { name: '要求补充信息' }).click();
    await m.getByText('等待回复').waitFor();
    await screenshot(m, 'admin-screening');

    // 3. The applicant sees the question and answers it.
    await a.reload();
    await a.getByText('请补充近两年的零售客户案例。').waitFor();
    await a.getByText('待补充信息').first().waitFor();
    await a.getByLabel('您的回复').fill('已补充 3 个零售客户案例，合同总额约 860 万元。');
    await a.getByRole('button', { name: '发送回复' }).click();
    await a.getByText('已回复').waitFor();

    // 4. The manager sees the answer and approves a trial.
    await m.reload();
    await m.getByText('已补充 3 个零售客户案例，合同总额约 860 万元。').waitFor();
    await m.getByRole('button', { name: '批准考察合作' }).click();
    const d = m.getByRole('dialog');
    await d.getByLabel('考察项目客户').fill('杭州银泰百货');
    await d.getByLabel('项目合作范围').fill('门店数据分析试点');
    await d.getByLabel('考察截止日期').fill('2027-03-31');
    await d.getByRole('button', { name: '批准考察合作' }).click();
    await m.getByText('进行中，截至').first().waitFor();

    // 5. The applicant sees the trial.
    await a.reload();
    await a.getByText('项目合作考察中').first().waitFor();
    await a.getByText('杭州银泰百货', { exact: false }).first().waitFor();

    // 6. The manager records a successful trial; both sides see it.
    await m.getByRole('button', { name: '记录考察结果' }).click();
    await m.getByRole('dialog').getByLabel('备注').fill('试点按期上线，客户满意。');
    await m.getByRole('dialog').getByRole('button', { name: '保存' }).click();
    await m.getByText('考察成功').first().waitFor();
    await screenshot(m, 'admin-trial-succeeded');
    await a.reload();
    await a.getByText('考察成功，下一步签订协议').first().waitFor();
    await screenshot(a, 'portal-application-trial-succeeded');
  });
});

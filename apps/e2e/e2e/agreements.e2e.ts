import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, it } from 'vitest';
import { baseUrl, type Browser, openBrowser, screenshot, signIn } from '../support/browser';

async function pick(page: Page, name: string, search: string, option: RegExp | string) {
  const input = page.getByRole('combobox', { name, exact: true }).first();
  await input.click();
  if (await input.isEditable()) await input.fill(search);
  await page.getByRole('option', { name: option }).first().click();
}

describe('agreements, in Chromium', () => {
  let m1: Browser;
  let m2: Browser;
  let partner: Browser;
  beforeAll(async () => {
    [m1, m2, partner] = await Promise.all([openBrowser('zh-CN'), openBrowser('zh-CN'), openBrowser('zh-CN')]);
  });
  afterAll(async () => {
    await Promise.all([m1?.close(), m2?.close(), partner?.close()]);
  });

  it('a manager drafts an exclusive agreement, sees the overlap preview, submits; a second manager approves; the partner sees it', async () => {
    const a = m1.page;
    await signIn(a, 'admin', 'manager@partnerline.demo', 'zh');
    await a.waitForURL(/\/admin\/?$/);
    await a.goto(`${baseUrl()}/admin/agreements/new`);
    await a.getByRole('heading', { name: '起草协议' }).waitFor();
    await pick(a, '合作伙伴', '华信', '华信智联科技有限公司');
    await a.locator('label').filter({ hasText: /^独家$/ }).click();
    await a.getByLabel('开始日期').fill('2027-01-01');
    await a.getByLabel('结束日期').fill('2027-12-31');
    // First a scope inside 华信's own exclusive 金融 × 中国: the preview names the holder.
    await pick(a, '行业 1', '金融', '金融');
    await pick(a, '区域 1', '广东', /广东省/);
    const preview = a.getByTestId('overlap-preview');
    await preview.getByText('已被独家占用').waitFor();
    await preview.getByText('华信智联科技有限公司').first().waitFor();
    await screenshot(a, 'admin-agreement-overlap-preview');
    // Then a free scope: 房地产与建筑 × 浙江省.
    await pick(a, '行业 1', '房地产', '房地产与建筑');
    await pick(a, '区域 1', '浙江', /浙江省/);
    await preview.getByText('没有被任何独家协议占用').waitFor();
    await a.getByLabel('每期销售任务额（元）').fill('5000000.00');
    await a.getByRole('button', { name: '保存草稿' }).click();
    await a.waitForURL(/\/admin\/agreements\/[0-9a-f-]{36}$/);
    const url = a.url();
    await a.getByRole('button', { name: '提交审批' }).click();
    await a.getByText('待审批').first().waitFor();
    // The submitter has no approve button that would work: the server refuses self-approval.
    await a.getByRole('button', { name: '批准' }).click();
    await a.getByRole('dialog').getByRole('button', { name: '批准' }).click();
    await a.getByText('您是该协议的提交人，不能自行审批').waitFor();

    // A second manager approves.
    const b = m2.page;
    await signIn(b, 'admin', 'manager2@partnerline.demo', 'zh');
    await b.waitForURL(/\/admin\/?$/);
    await b.goto(url);
    await b.getByRole('button', { name: '批准' }).click();
    await b.getByRole('dialog').getByRole('button', { name: '批准' }).click();
    await b.getByText('生效中').first().waitFor();
    await screenshot(b, 'admin-agreement-approved');

    // The partner sees it in the portal.
    const p = partner.page;
    await signIn(p, 'portal', 'owner@huaxin.demo', 'zh');
    await p.waitForURL(/\/portal\/?$/);
    await p.goto(`${baseUrl()}/portal/agreements`);
    await p.getByText('房地产与建筑 × 浙江省').waitFor();
    await p.getByRole('row', { name: /房地产与建筑 × 浙江省/ }).getByRole('link').click();
    await p.getByText('生效中').first().waitFor();
    await p.getByText('资格约定').waitFor();
    await screenshot(p, 'portal-agreement');
  });
});

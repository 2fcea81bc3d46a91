import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, it } from 'vitest';
import { baseUrl, type Browser, openBrowser, screenshot, signIn } from '../support/browser';

async function pick(page: Page, name: string, search: string, option: RegExp | string) {
  const input = page.getByRole('combobox', { name, exact: true }).first();
  await input.click();
  if (await input.isEditable()) await input.fill(search);
  await page.getByRole('option', { name: option }).first().click();
}

async function registerAndSubmit(page: Page, customer: string) {
  await page.goto(`${baseUrl()}/portal/registrations/new`);
  await page.getByRole('heading', { name: '报备商机' }).waitFor();
  await page.getByRole('textbox', { name: '客户名称' }).fill(customer);
  await pick(page, '行业', '金融', '金融');
  await pick(page, '区域', '杭州', /杭州市/);
  await page.getByRole('textbox', { name: '姓名 1' }).fill('陈总');
  await pick(page, '产品 1', 'DP-ENT', /DP-ENT/);
  await page.getByRole('textbox', { name: '预计金额（元）' }).fill('1280000.00');
  await page.getByLabel('预计成交日期').fill('2027-05-31');
  await page.getByRole('textbox', { name: '客户需求' }).fill('建设智慧金融数据平台，统一客户视图与风控数据。');
  await page.getByRole('textbox', { name: '与客户沟通的证明' }).fill('2026-11-21 现场交流纪要');
  await page.getByRole('textbox', { name: '客户反馈' }).fill('客户认可数据平台方向');
  await page.getByRole('textbox', { name: '客户详细信息' }).fill('科技部陈总，负责数据平台立项');
  await page.getByRole('button', { name: '保存草稿' }).click();
  await page.waitForURL(/\/portal\/registrations\/[0-9a-f-]{36}$/);
  const url = page.url();
  await page.getByRole('button', { name: '提交' }).click();
  await page.getByText('冲突协调中').first().waitFor();
  return url;
}

describe('deal registration conflict, in Chromium', () => {
  let lanting: Browser;
  let huaxin: Browser;
  let manager: Browser;
  beforeAll(async () => {
    [lanting, huaxin, manager] = await Promise.all([openBrowser('zh-CN'), openBrowser('zh-CN'), openBrowser('zh-CN')]);
  });
  afterAll(async () => {
    await Promise.all([lanting?.close(), huaxin?.close(), manager?.close()]);
  });

  it('兰亭 registers, 华信 registers the same customer under another Chinese name, the manager splits 60/40, both see it', async () => {
    const stamp = String(Date.now()).slice(-4);
    await signIn(lanting.page, 'portal', 'owner@lanting.demo', 'zh');
    await lanting.page.waitForURL(/\/portal\/?$/);
    const lantingUrl = await registerAndSubmit(lanting.page, `杭州钱塘智慧城${stamp}金融服务有限公司`);
    // Attach a meeting record as evidence (a real PDF header; the server checks content, not the name).
    await lanting.page.locator('input[type=file]').setInputFiles({ name: '交流纪要.pdf', mimeType: 'application/pdf', buffer: Buffer.from('%PDF-1.4\n%%EOF\n', 'latin1') });
    await lanting.page.getByRole('button', { name: '上传' }).click();
    await lanting.page.getByRole('link', { name: /交流纪要\.pdf/ }).waitFor();

    await signIn(huaxin.page, 'portal', 'sales@huaxin.demo', 'zh');
    await huaxin.page.waitForURL(/\/portal\/?$/);
    const huaxinUrl = await registerAndSubmit(huaxin.page, `钱塘智慧城${stamp}金融服务（杭州）有限公司`);
    await screenshot(huaxin.page, 'portal-registration-in-conflict');

    const m = manager.page;
    await signIn(m, 'admin', 'manager@partnerline.demo', 'zh');
    await m.waitForURL(/\/admin\/?$/);
    await m.goto(`${baseUrl()}/admin/conflicts`);
    await m.getByRole('row', { name: new RegExp(`钱塘智慧城${stamp}金融服务（杭州）有限公司.*重复客户`) }).getByRole('link').click();
    await m.getByTestId('recommendation').getByText('持有独家范围').waitFor();
    await m.locator('label').filter({ hasText: /^分成（合作销售）$/ }).click();
    await m.getByLabel('兰亭科技有限公司 的分成（%）').fill('60');
    await m.getByLabel('华信智联科技有限公司 的分成（%）').fill('40');
    await m.getByText('分成合计 100%').waitFor();
    await m.getByRole('textbox', { name: '理由（各方都会收到）' }).fill('兰亭有客户关系，华信持有金融独家：双方按 60/40 合作推进。');
    await screenshot(m, 'admin-conflict-case');
    await m.getByRole('button', { name: '协调' }).click();
    await m.getByText('60%').first().waitFor();
    await m.getByText('40%').first().waitFor();

    await lanting.page.goto(lantingUrl);
    await lanting.page.getByText('保护中').first().waitFor();
    await lanting.page.getByText('co-sell 60%', { exact: false }).waitFor();
    await huaxin.page.goto(huaxinUrl);
    await huaxin.page.getByText('保护中').first().waitFor();
    await huaxin.page.getByText('co-sell 40%', { exact: false }).waitFor();
    await screenshot(huaxin.page, 'portal-registration-protected');
  });
});

import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { baseUrl, type Browser, expectNoOverflow, openBrowser, PHONE, screenshot, signIn } from '../support/browser';

const DESKTOP = { width: 1280, height: 860 };

/** A screenshot at 1280 px and one at 390 px (the page must not scroll sideways on the phone). */
async function shots(page: Page, name: string) {
  await page.setViewportSize(DESKTOP);
  await page.waitForTimeout(300);
  await screenshot(page, `${name}`);
  await page.setViewportSize(PHONE);
  await page.waitForTimeout(500);
  await expectNoOverflow(page);
  await screenshot(page, `${name}-390`);
  await page.setViewportSize(DESKTOP);
}

/**
 * Issue #14's acceptance, as people would do it: a manager runs a period and watches the progress bar; statements
 * appear; the manager who started the run cannot approve (the refusal is on the page); a second manager approves;
 * the partner sees the statement in the portal with its explanation and the distance to the next tier.
 */
describe('rebates, in Chromium', () => {
  let manager: Browser;
  let admin: Browser;
  let partner: Browser;
  beforeAll(async () => {
    [manager, admin, partner] = await Promise.all([openBrowser('zh-CN'), openBrowser('zh-CN'), openBrowser('zh-CN')]);
  });
  afterAll(async () => {
    await Promise.all([manager?.close(), admin?.close(), partner?.close()]);
  });

  it('a manager runs a period, a second manager approves a statement, the partner reads it in the portal', async () => {
    // 1. The manager starts a run of this quarter and watches its progress.
    const m = manager.page;
    await m.setViewportSize(DESKTOP);
    await signIn(m, 'admin', 'manager@partnerline.demo', 'zh');
    await m.waitForURL(/\/admin\/?$/);
    await m.getByRole('navigation').getByRole('link', { name: '返利', exact: true }).first().click();
    await m.getByRole('heading', { name: '返利' }).waitFor();
    await m.getByRole('tab', { name: '业绩' }).waitFor();
    await m.getByText('接近下一档', { exact: false }).first().waitFor();
    await shots(m, 'rebates-admin-performance');

    await m.getByRole('tab', { name: '计算' }).click();
    await m.waitForURL(/\/admin\/rebates\/runs$/);
    const period = m.getByRole('combobox', { name: '计算期间' });
    await period.click();
    await m.getByRole('option', { name: '2026 年第 4 季度' }).click();
    await m.getByRole('button', { name: '计算', exact: true }).click();
    await m.waitForURL(/\/admin\/rebates\/runs\/[0-9a-f-]{36}$/);
    const runUrl = m.url();
    await m.getByRole('heading', { name: '返利计算 2026 年第 4 季度' }).waitFor();
    // The bar is read while the page polls; it only ever moves forward and ends at 100 %.
    const bar = m.getByRole('progressbar', { name: '进度' });
    const seen: number[] = [];
    const deadline = Date.now() + 45_000;
    while (Date.now() < deadline) {
      seen.push(Number(await bar.getAttribute('aria-valuenow')));
      if (await m.getByText('成功', { exact: true }).isVisible()) break;
      if (await m.getByText('失败', { exact: true }).isVisible()) throw new Error('the rebate run failed');
      await m.waitForTimeout(250);
    }
    await m.getByText('成功', { exact: true }).waitFor();
    seen.push(Number(await bar.getAttribute('aria-valuenow')));
    expect(seen.at(-1)).toBe(100);
    expect(seen).toEqual([...seen].sort((a, b) => a - b));
    await m.getByText('100%').waitFor();
    await m.getByText(/^已处理 \d+ \/ \d+ 份协议$/).waitFor();
    await m.getByText('数据截至').waitFor();
    await m.getByText('与上次计算相比的变化').waitFor();
    await shots(m, 'rebates-admin-run');

    // 2. Statements appear: the drafts of the period, 华信's exclusive agreement among them.
    await m.getByRole('link', { name: '对账单', exact: true }).click();
    await m.waitForURL(/\/admin\/rebates\/statements$/);
    await m.getByRole('combobox', { name: '状态' }).click();
    await m.getByRole('option', { name: '草稿' }).click();
    await m.waitForURL(/status=draft/);
    const row = m.getByRole('row').filter({ hasText: '华信智联科技有限公司 · 独家' }).filter({ hasText: '草稿' }).first();
    await row.waitFor();
    await shots(m, 'rebates-admin-statements');
    await row.getByRole('link').first().click();
    await m.waitForURL(/\/admin\/rebates\/statements\/[0-9a-f-]{36}$/);
    const statementUrl = m.url();
    const heading = m.getByRole('heading', { level: 2, name: /^RS-/ });
    await heading.waitFor();
    const number = (await heading.textContent())!.trim();
    expect(number).toMatch(/^RS-/);
    await m.getByText('计算说明').waitFor();
    await m.getByText(/^下一档：再增加 ¥[\d,.]+ 业绩即达/).waitFor();

    // The manager who started the run may not approve its statement: the API says why, on the page.
    await m.getByRole('button', { name: '审批' }).click();
    await m.getByRole('dialog').getByRole('button', { name: '审批' }).click();
    const refusal = m.getByRole('alert').filter({ hasText: '未能执行' });
    await refusal.waitFor();
    expect((await refusal.textContent())!.length).toBeGreaterThan('未能执行'.length + 4);
    await m.getByText('草稿', { exact: true }).first().waitFor();
    await shots(m, 'rebates-admin-statement-refused');

    // 3. A second manager approves it.
    const a = admin.page;
    await a.setViewportSize(DESKTOP);
    await signIn(a, 'admin', 'admin@partnerline.demo', 'zh');
    await a.waitForURL(/\/admin\/?$/);
    await a.goto(statementUrl);
    await a.getByRole('heading', { name: number }).waitFor();
    await a.getByRole('button', { name: '审批' }).click();
    const confirm = a.getByRole('dialog');
    await confirm.getByText(/审批后为本期间记入 ¥[\d,.]+ 的结算分录/).waitFor();
    await confirm.getByRole('button', { name: '审批' }).click();
    await a.getByText('已审批', { exact: true }).first().waitFor();
    await a.getByText(/于 .+ 审批$/).waitFor();
    await a.getByRole('button', { name: '登记付款' }).waitFor();
    await shots(a, 'rebates-admin-statement-approved');
    // The run page is still there for the record.
    await a.goto(runUrl);
    await a.getByText('成功', { exact: true }).waitFor();

    // The other rebate screens read as they should at both widths.
    await a.goto(`${baseUrl()}/admin/rebates/disputes`);
    await a.getByRole('button', { name: '处理' }).first().waitFor();
    await shots(a, 'rebates-admin-disputes');
    await a.getByRole('tab', { name: '保证金' }).click();
    await a.getByText('登记状态变更').waitFor();
    await shots(a, 'rebates-admin-deposits');
    await a.getByRole('tab', { name: '付款' }).click();
    await a.getByRole('button', { name: '新增发票' }).waitFor();
    await a
      .getByText(/逾期 \d+ 天/)
      .first()
      .waitFor();
    await shots(a, 'rebates-admin-payments');
    await a.getByRole('tab', { name: '应付返利' }).click();
    await a.getByTestId('liability-total').waitFor();
    await shots(a, 'rebates-admin-liability');
    // The partner 360 card and the agreement's quota per period.
    await a.goto(statementUrl);
    await a.getByRole('link', { name: '华信智联科技有限公司' }).first().click();
    await a.getByTestId('partner-rebate-liability').waitFor();
    await a.getByText('本期达成率', { exact: false }).first().waitFor();
    await a.goBack();
    await a.getByRole('link', { name: '独家' }).first().click();
    await a.getByText('各期间任务额').waitFor();
    await a.getByRole('button', { name: /^修改 第 1 期$/ }).waitFor();
    await shots(a, 'rebates-admin-agreement-quotas');

    // 4. The partner sees the approved statement with its explanation and the distance to the next tier.
    const p = partner.page;
    await p.setViewportSize(DESKTOP);
    await signIn(p, 'portal', 'owner@huaxin.demo', 'zh');
    await p.waitForURL(/\/portal\/?$/);
    await p.goto(`${baseUrl()}/portal/statements`);
    await p.getByRole('link', { name: number }).first().click();
    await p
      .getByRole('heading', { name: new RegExp(number) })
      .first()
      .waitFor();
    await p.getByText('本对账单的计算方法').waitFor();
    await p
      .getByText(/再增加 ¥[\d,.]+ 业绩即达第 \d+ 档/)
      .first()
      .waitFor();
    await screenshot(p, 'rebates-admin-partner-statement');
    await p.goto(`${baseUrl()}/portal/performance`);
    await p
      .getByText(/再增加 ¥[\d,.]+ 业绩即达第 \d+ 档/)
      .first()
      .waitFor();
  });
});

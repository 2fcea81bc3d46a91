import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { baseUrl, type Browser, expectNoOverflow, openBrowser, PHONE, screenshot, signIn } from '../support/browser';

async function pick(page: Page, name: string, search: string, option: RegExp | string) {
  const input = page.getByRole('combobox', { name, exact: true }).first();
  await input.click();
  if (await input.isEditable()) await input.fill(search);
  await page.getByRole('option', { name: option }).first().click();
}

/** A key action is on screen horizontally: inside the 390 px viewport. */
async function expectWithinWidth(page: Page, locator: ReturnType<Page['getByRole']>) {
  await locator.waitFor();
  const box = await locator.boundingBox();
  expect(box).not.toBeNull();
  expect(box!.x).toBeGreaterThanOrEqual(0);
  expect(box!.x + box!.width).toBeLessThanOrEqual(PHONE.width + 1);
}

/** Issue #13: the portal on a phone — a partner registers a deal at 390 px and reaches every page it works with. */
describe('the portal on a 390 px phone, in Chromium', () => {
  let partner: Browser;
  beforeAll(async () => {
    partner = await openBrowser('en-US');
  });
  afterAll(async () => {
    await partner?.close();
  });

  it('registers a deal on the one-screen form, then opens registrations, the detail, team, learning and agreements', async () => {
    const page = partner.page;
    await page.setViewportSize(PHONE);
    await signIn(page, 'portal', 'owner@lanting.demo', 'en');
    await page.waitForURL(/\/portal\/?$/);
    await page.getByText('Deal registrations').first().waitFor();
    await expectNoOverflow(page);
    await screenshot(page, 'phone-portal-home');

    await page.goto(`${baseUrl()}/portal/registrations/new`);
    await page.getByRole('heading', { name: 'Register an opportunity' }).waitFor();
    const customer = `Qingdao Tidewater Phone Analytics ${String(Date.now()).slice(-5)} Co., Ltd.`;
    await page.getByRole('textbox', { name: 'Customer name' }).fill(customer);
    await pick(page, 'Industry', 'Manu', 'Manufacturing');
    await pick(page, 'Region', 'Ningbo', /Ningbo/);
    await page.getByText('Required by your agreement').first().waitFor();
    await page.getByRole('textbox', { name: 'Name 1' }).fill('Sun Li');
    await pick(page, 'Product 1', 'DP-ENT', /DP-ENT/);
    await page.getByRole('textbox', { name: 'Estimated amount (CNY)' }).fill('480000.00');
    await page.getByLabel('Expected close date').fill('2027-05-31');
    await page.getByRole('textbox', { name: 'The customer’s need' }).fill('Quality analytics on the phone for the plant managers.');
    await page.getByRole('textbox', { name: 'Customer details' }).fill('Plant manager Sun Li, budget approved');
    await page
      .locator('input[type=file]')
      .first()
      .setInputFiles({ name: 'visit-notes.pdf', mimeType: 'application/pdf', buffer: Buffer.from('%PDF-1.4\n%%EOF\n', 'latin1') });
    await expectNoOverflow(page);
    await expectWithinWidth(page, page.getByRole('button', { name: 'Submit for review' }));
    await screenshot(page, 'phone-portal-registration-form');
    await page.getByRole('button', { name: 'Submit for review' }).click();
    await page.waitForURL(/\/portal\/registrations\/[0-9a-f-]{36}$/);
    await page.getByText('In review').first().waitFor();
    await expectNoOverflow(page);
    await screenshot(page, 'phone-portal-registration-detail');

    await page.goto(`${baseUrl()}/portal/registrations`);
    await page.getByRole('heading', { name: 'Registered opportunities' }).waitFor();
    const row = page.getByRole('link', { name: new RegExp(customer.slice(0, 30)) }).first();
    await expectWithinWidth(page, row);
    await expectNoOverflow(page);
    await screenshot(page, 'phone-portal-registrations');
    await row.click();
    await page.waitForURL(/\/portal\/registrations\/[0-9a-f-]{36}$/);
    await page.getByText(customer).first().waitFor();
    await expectNoOverflow(page);

    await page.goto(`${baseUrl()}/portal/team`);
    await page.getByRole('heading', { name: 'Team' }).waitFor();
    await expectWithinWidth(page, page.getByRole('button', { name: /Invite/ }).first());
    await expectNoOverflow(page);
    await screenshot(page, 'phone-portal-team');

    await page.goto(`${baseUrl()}/portal/learning`);
    await page.getByRole('heading', { name: 'My courses' }).waitFor();
    await expectNoOverflow(page);

    await page.goto(`${baseUrl()}/portal/agreements`);
    await page.getByRole('heading', { name: 'Agreements' }).waitFor();
    await expectNoOverflow(page);
    await screenshot(page, 'phone-portal-agreements');
  });

  it('shows the partner 360 to a vendor admin (desktop)', async () => {
    const page = partner.page;
    await page.context().clearCookies();
    await page.setViewportSize({ width: 1280, height: 900 });
    await signIn(page, 'admin', 'admin@partnerline.demo', 'en');
    await page.waitForURL(/\/admin\/?$/);
    await page.goto(`${baseUrl()}/admin/partners?q=${encodeURIComponent('兰亭')}`);
    await page.getByRole('link', { name: /兰亭/ }).first().click();
    await page.waitForURL(/\/admin\/partners\/[0-9a-f-]{36}/);
    await page.goto(`${page.url().split('?')[0]}?tab=profile`);
    await page.getByText('Pipeline value').waitFor();
    await page.getByText('Won revenue').waitFor();
    await page.getByText('Qingdao Tidewater Phone Analytics').first().waitFor();
    await screenshot(page, 'partner-360-desktop');
    await page.goto(`${page.url().split('?')[0]}?tab=history`);
    await page.getByText('Activity').first().waitFor();
    await screenshot(page, 'partner-360-activity');
  });
});

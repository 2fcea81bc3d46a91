import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { baseUrl, type Browser, expectNoOverflow, openBrowser, PHONE, screenshot, signIn } from '../support/browser';

async function pick(page: Page, name: string, search: string, option: RegExp | string) {
  const input = page.getByRole('combobox', { name, exact: true }).first();
  await input.click();
  if (await input.isEditable()) await input.fill(search);
  await page.getByRole('option', { name: option }).first().click();
}

/** Issue #13: registering a deal is one screen — required evidence listed, a file attached before the first save, Submit on the form. */
describe('registering a deal on one screen, in Chromium', () => {
  let partner: Browser;
  beforeAll(async () => {
    partner = await openBrowser('en-US');
  });
  afterAll(async () => {
    await partner?.close();
  });

  for (const viewport of [
    { name: 'desktop', width: 1360, height: 860 },
    { name: 'phone', ...PHONE },
  ]) {
    it(`a partner registers with its agreement's evidence and a file, and submits (${viewport.name})`, async () => {
      const page = partner.page;
      await page.setViewportSize({ width: viewport.width, height: viewport.height });
      await page.context().clearCookies();
      await signIn(page, 'portal', 'owner@lanting.demo', 'en');
      await page.waitForURL(/\/portal\/?$/);
      await page.goto(`${baseUrl()}/portal/registrations/new`);
      await page.getByRole('heading', { name: 'Register an opportunity' }).waitFor();

      // Sent empty: a summary at the top names each field and says what to do; its entries lead to the fields.
      await page.getByRole('button', { name: 'Submit for review' }).click();
      const summary = page.getByRole('alert').filter({ hasText: 'Please check' });
      await summary.waitFor();
      expect(await summary.textContent()).not.toMatch(/uuid|invalid date/i);
      await summary.getByRole('button', { name: 'Choose Industry' }).click();

      const customer = `Ningbo Harbour Robotics ${viewport.name} ${String(Date.now()).slice(-5)} Co., Ltd.`;
      await page.getByRole('textbox', { name: 'Customer name' }).fill(customer);
      await pick(page, 'Industry', 'Manu', 'Manufacturing');
      await pick(page, 'Region', 'Ningbo', /Ningbo/);
      // The covering agreement's evidence standard is listed once the segment is known.
      await page.getByText('Required by your agreement').first().waitFor();
      await page.getByRole('textbox', { name: 'Name 1' }).fill('Zhou Min');
      await pick(page, 'Product 1', 'DP-ENT', /DP-ENT/);
      await page.getByRole('textbox', { name: 'Estimated amount (CNY)' }).fill('760000.00');
      await page.getByLabel('Expected close date').fill('2027-06-30');
      await page.getByRole('textbox', { name: 'The customer’s need' }).fill('A shared data platform for the plant and the dealers.');
      await page.getByRole('textbox', { name: 'Customer details' }).fill('Plant IT manager Zhou Min, budget approved');
      // The proof of communication is a file, attached before anything is saved.
      await page
        .locator('input[type=file]')
        .first()
        .setInputFiles({ name: 'meeting-notes.pdf', mimeType: 'application/pdf', buffer: Buffer.from('%PDF-1.4\n%%EOF\n', 'latin1') });
      if (viewport.name === 'phone') await expectNoOverflow(page);
      await screenshot(page, `portal-register-deal-${viewport.name}`);
      await page.getByRole('button', { name: 'Submit for review' }).click();

      await page.getByText(/Submitted — in review, answer due by \d{1,2} \w{3} \d{4}|Submitted — in review, answer due by/).first().waitFor();
      await page.waitForURL(/\/portal\/registrations\/[0-9a-f-]{36}$/);
      await page.getByText('In review').first().waitFor();
      await page.getByText('meeting-notes.pdf').first().waitFor();
    });
  }
});

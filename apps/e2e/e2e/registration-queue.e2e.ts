import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { baseUrl, type Browser, openBrowser, screenshot, signIn } from '../support/browser';

/** The review queue (issue #13): a manager finds a registration by search, and the page works at 390 px. */
describe('registration review queue, in Chromium', () => {
  let manager: Browser;
  beforeAll(async () => {
    manager = await openBrowser('en-US');
  });
  afterAll(async () => {
    await manager.close();
  });

  it('opens on the open tab with counts, finds a customer by search, and shows the SLA clock', async () => {
    const m = manager.page;
    await signIn(m, 'admin', 'manager@partnerline.demo');
    await m.waitForURL(/\/admin\/?$/);
    await m.goto(`${baseUrl()}/admin/registrations`);
    await m.getByText(/^Open \(\d+\)$/).waitFor();
    await m.getByText(/days? (left|overdue)|due today/).first().waitFor();
    await screenshot(m, 'admin-registration-queue');
    const first = (await m.locator('tbody tr td:nth-child(2)').first().innerText()).trim();
    await m.getByRole('textbox', { name: 'Search' }).fill(first.slice(0, 4));
    await m.waitForURL(/q=/);
    await m.locator('tbody tr').first().waitFor();
    expect(await m.locator('tbody tr td:nth-child(2)').first().innerText()).toContain(first.slice(0, 4));
    await m.setViewportSize({ width: 390, height: 844 });
    await m.goto(`${baseUrl()}/admin/registrations`);
    await m.getByText(/^Open \(\d+\)$/).waitFor();
    await screenshot(m, 'admin-registration-queue-390');
  });
});

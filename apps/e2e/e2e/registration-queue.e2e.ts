import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { baseUrl, type Browser, openBrowser, PASSWORD, screenshot, signIn } from '../support/browser';

/** A partner's registration submitted through the API (the browser then finds and approves it). */
async function submitAsLanting(customer: string): Promise<string> {
  const login = await fetch(`${baseUrl()}/api/auth/login`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ email: 'owner@lanting.demo', password: PASSWORD }) });
  const auth = { Authorization: `Bearer ${((await login.json()) as { token: string }).token}` };
  const get = async <T>(path: string) => (await fetch(`${baseUrl()}/api${path}`, { headers: auth })).json() as Promise<T>;
  const industries = await get<{ id: string; code: string }[]>('/industries');
  const regions = await get<{ id: string; code: string }[]>('/regions');
  const products = await get<{ id: string; sku: string }[]>('/products');
  const res = await fetch(`${baseUrl()}/api/deal-registrations?submit=true`, {
    method: 'POST',
    headers: { ...auth, 'Content-Type': 'application/json' },
    body: JSON.stringify({
      customer: { name: customer, industryId: industries.find((i) => i.code === 'MFG')!.id, regionId: regions.find((r) => r.code === 'ZJ-NB')!.id },
      contacts: [{ name: '钱总', decisionLevel: 'decision_maker' }],
      products: [{ productId: products.find((p) => p.sku === 'DP-ENT')!.id, quantity: 1 }],
      estimatedAmount: '560000.00',
      expectedCloseDate: '2027-06-30',
      stage: 'qualifying',
      need: '客户需要统一的经销商数据平台。',
      evidence: { proofOfCommunication: '电话沟通纪要', customerFeedback: '认可方案', customerDetails: '总经理 钱总' },
    }),
  });
  expect(res.status).toBe(201);
  return ((await res.json()) as { id: string }).id;
}

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

    // Bulk approval: the manager finds a clean registration by search, selects it and approves it with a comment.
    const customer = `台州批量测试${String(Date.now()).slice(-5)}机械有限公司`;
    await submitAsLanting(customer);
    await m.getByRole('textbox', { name: 'Search' }).fill(customer);
    await m.getByRole('link', { name: customer }).waitFor();
    await m.locator('tbody tr').filter({ hasText: customer }).getByRole('checkbox').check();
    await m.getByRole('button', { name: 'Approve selected (1)' }).click();
    await m.getByRole('textbox', { name: 'Comment to the partners (optional)' }).fill('Evidence complete.');
    await m.getByRole('dialog').getByRole('button', { name: 'Approve selected (1)' }).click();
    await m.getByText('1 registration approved').waitFor();
    await m.getByText(/^In review \(\d+\)$/).click();
    await m.getByText('No registrations match these filters').waitFor();

    await m.setViewportSize({ width: 390, height: 844 });
    await m.goto(`${baseUrl()}/admin/registrations`);
    await m.getByText(/^Open \(\d+\)$/).waitFor();
    await screenshot(m, 'admin-registration-queue-390');
  });
});

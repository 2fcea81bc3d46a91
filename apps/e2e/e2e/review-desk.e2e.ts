import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { baseUrl, type Browser, expectNoOverflow, openBrowser, PASSWORD, PHONE, screenshot, signIn } from '../support/browser';

/** Calls the API as a demo user (Bearer token), for setting up data the browser then reviews. */
async function apiAs(email: string) {
  const login = await fetch(`${baseUrl()}/api/auth/login`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ email, password: PASSWORD }) });
  const { token } = (await login.json()) as { token: string };
  const auth = { Authorization: `Bearer ${token}` };
  return {
    get: async <T>(path: string): Promise<T> => (await fetch(`${baseUrl()}/api${path}`, { headers: auth })).json() as Promise<T>,
    post: async (path: string, body: unknown) => fetch(`${baseUrl()}/api${path}`, { method: 'POST', headers: { ...auth, 'Content-Type': 'application/json' }, body: JSON.stringify(body) }),
    upload: async (path: string, form: FormData) => fetch(`${baseUrl()}/api${path}`, { method: 'POST', headers: auth, body: form }),
  };
}

/**
 * Issue #13, the reviewer's desk: a partner's registration (created through the API, with evidence and a file) is
 * reviewed by a channel manager, who sees partner, products, agreement and evidence and approves it with a comment;
 * the partner sees the comment on its registration page.
 */
describe('the reviewer’s desk, in Chromium', () => {
  let manager: Browser;
  let partner: Browser;
  let id: string;
  const customer = `温州瓯江智能装备${String(Date.now()).slice(-5)}有限公司`;
  const comment = '证据齐全，客户需求明确，批准。请在保护期内推进商务谈判。';

  beforeAll(async () => {
    const lanting = await apiAs('owner@lanting.demo');
    const industries = await lanting.get<{ id: string; code: string }[]>('/industries');
    const regions = await lanting.get<{ id: string; code: string }[]>('/regions');
    const products = await lanting.get<{ id: string; sku: string }[]>('/products');
    const res = await lanting.post('/deal-registrations?submit=true', {
      customer: { name: customer, industryId: industries.find((i) => i.code === 'MFG')!.id, regionId: regions.find((r) => r.code === 'ZJ-NB')!.id },
      contacts: [
        { name: '郑总', title: '总经理', decisionLevel: 'decision_maker' },
        { name: '吴工', title: '设备科长', decisionLevel: 'user_influencer' },
      ],
      products: [{ productId: products.find((p) => p.sku === 'DP-ENT')!.id, quantity: 4 }],
      estimatedAmount: '2380000.00',
      expectedCloseDate: '2027-06-30',
      stage: 'negotiation',
      need: '客户需要打通车间设备数据与经销商库存的统一平台。',
      evidence: { proofOfCommunication: '2026-11-24 客户现场交流纪要', customerFeedback: '客户认可平台方案', customerDetails: '总经理 郑总，预算已批' },
    });
    expect(res.status).toBe(201);
    id = ((await res.json()) as { id: string }).id;
    const form = new FormData();
    form.set('kind', 'proofOfCommunication');
    form.set('file', new Blob([Buffer.from('%PDF-1.4\n%%EOF\n', 'latin1')], { type: 'application/pdf' }), '交流纪要.pdf');
    expect((await lanting.upload(`/deal-registrations/${id}/evidence`, form)).status).toBe(201);
    [manager, partner] = await Promise.all([openBrowser('en-US'), openBrowser('zh-CN')]);
  });
  afterAll(async () => {
    await Promise.all([manager?.close(), partner?.close()]);
  });

  it('a manager sees everything a decision needs and approves with a comment; the partner sees the comment', async () => {
    const m = manager.page;
    await signIn(m, 'admin', 'manager@partnerline.demo', 'en');
    await m.waitForURL(/\/admin\/?$/);
    await m.goto(`${baseUrl()}/admin/registrations/${id}`);
    await m.getByRole('heading', { name: customer }).waitFor();
    // Partner, products, the covering agreement and the evidence, in words.
    await m.getByRole('link', { name: '兰亭科技有限公司' }).first().waitFor();
    await m.getByRole('cell', { name: /Data Platform|DP/ }).first().waitFor();
    await m.getByText('Covering agreement').first().waitFor();
    await m.getByText('Decision maker').waitFor();
    await m.getByText('User / influencer').waitFor();
    expect(await m.getByText('decision_maker').count()).toBe(0);
    await m.getByText('2026-11-24 客户现场交流纪要').waitFor();
    await m.getByText('交流纪要.pdf').waitFor();
    await m.getByRole('link', { name: 'Open' }).first().waitFor();
    await m.getByText('Manufacturing').first().waitFor();
    await m.getByText('Answer due by').waitFor();
    await screenshot(m, 'admin-review-desk');
    await m.setViewportSize(PHONE);
    // The side navigation slides away on a phone: let its transition finish before measuring and taking the picture.
    await m.waitForTimeout(600);
    await expectNoOverflow(m);
    await screenshot(m, 'admin-review-desk-390');
    await m.setViewportSize({ width: 1360, height: 860 });

    // Reject needs a comment; approve asks for confirmation and takes an optional one.
    await m.getByRole('button', { name: 'Reject' }).click();
    await m.getByRole('button', { name: 'Yes, reject' }).click();
    await m.getByText('Write why the registration is rejected').waitFor();
    await m.getByRole('button', { name: 'Cancel' }).click();
    await m.getByRole('button', { name: 'Approve' }).click();
    await m.getByRole('textbox', { name: 'Comment for the partner' }).fill(comment);
    await m.getByRole('button', { name: 'Yes, approve' }).click();
    await m.getByText('Approved — the partner is notified.').waitFor();
    await m.getByText(comment).first().waitFor();

    // The covering agreement: its history marks the version in force, as the header shows it.
    await m.getByRole('link', { name: 'Registration', exact: true }).first().click();
    await m.getByTestId('version-current').getByText('In force').waitFor();
    await m.getByText(/^Approved by /).first().waitFor();
    await screenshot(m, 'admin-agreement-history');

    const p = partner.page;
    await signIn(p, 'portal', 'owner@lanting.demo', 'zh');
    await p.waitForURL(/\/portal\/?$/);
    await p.goto(`${baseUrl()}/portal/registrations/${id}`);
    await p.getByTestId('review-comment').getByText(comment).waitFor();
    await p.getByText('审核意见').first().waitFor();
    await screenshot(p, 'portal-registration-review-comment');
  });

  it('an unknown or malformed registration id is a not-found page, without the id or a retry button', async () => {
    const m = manager.page;
    for (const bad of ['00000000-0000-4000-8000-000000000000', 'not-an-id']) {
      await m.goto(`${baseUrl()}/admin/registrations/${bad}`);
      await m.getByText('404').waitFor();
      expect(await m.getByText(bad).count()).toBe(0);
      expect(await m.getByRole('button', { name: 'Try again' }).count()).toBe(0);
    }
    await m.getByText('This registration does not exist, or you cannot see it.').waitFor();
  });
});

import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { baseUrl, type Browser, expectNoOverflow, openBrowser, PHONE, screenshot, signIn } from '../support/browser';

const DESKTOP = { width: 1280, height: 860 };

type Readiness = { shown: boolean; reviewId: string | null; reviewStatus: 'open' | 'decided' | null };
type Evidence = { kind: string; id: string; label: string };
type Review = {
  id: string;
  agreementId: string;
  partnerName: string;
  status: 'open' | 'decided';
  recommendation: string;
  suggestedQuota: string | null;
  evidence: Record<string, Evidence[]>;
  selfAssessment: { wentWell: string; rating: Record<string, number | string | null> } | null;
  decision: { outcome: string; rationale: string; successorAgreementId: string | null; depositHandling: string | null } | null;
};
type Deposit = { status: string; amount: string };
type Agreement = {
  id: string;
  status: string;
  partnerId: string;
  type: string;
  terms: { quotaPerPeriod: string | null; deposit: { amount: string } | null };
};

/** GET through the signed-in page's session cookie (the same call the app makes). */
async function api<T>(page: Page, path: string): Promise<T> {
  const res = await page.request.get(`${baseUrl()}/api${path}`);
  if (!res.ok()) throw new Error(`GET /api${path} answered ${res.status()}: ${await res.text()}`);
  return (await res.json()) as T;
}

/** Two exact decimals are the same amount ("6831000.00" = "6831000"). */
const amount = (s: string | null | undefined) => (s == null ? s : s.replace(/(\.\d*?)0+$/, '$1').replace(/\.$/, ''));

/** A Mantine Rating: its stars are radios named "1".."5"; clicking a star's label sets the value (as a user does). */
async function rate(group: Locator, stars: number) {
  const id = await group.getByRole('radio', { name: String(stars), exact: true }).getAttribute('id');
  await group.locator(`label[for="${id}"]`).click();
}

/**
 * Issue #15's acceptance, as people would do it: 华信智联's owner sees the renewal readiness on its agreement page,
 * opens the review, submits its self-assessment and rates the vendor; a channel manager opens 华信's review from the
 * renewals board, reads the facts with their evidence and the recommendation, and renews; the successor draft carries
 * the suggested quota and the deposit over; the partner then reads the decision and its rationale.
 */
describe('renewal reviews, in Chromium', () => {
  let partner: Browser;
  let manager: Browser;
  beforeAll(async () => {
    [partner, manager] = await Promise.all([openBrowser('en-US'), openBrowser('en-US')]);
  });
  afterAll(async () => {
    await Promise.all([partner?.close(), manager?.close()]);
  });

  it('the partner self-assesses and rates the vendor, the manager renews, the successor draft carries the quota and the deposit', async () => {
    // 1. 华信's agreement whose review is open (the demo data opens one that ends within 60 days).
    const p = partner.page;
    await p.setViewportSize(DESKTOP);
    await signIn(p, 'portal', 'owner@huaxin.demo', 'en');
    await p.waitForURL(/\/portal\/?$/);
    const { items: agreements } = await api<{ items: { id: string; status: string }[] }>(p, '/agreements?pageSize=100');
    let agreementId = '';
    let reviewId = '';
    for (const a of agreements.filter((x) => x.status === 'active')) {
      const r = await api<Readiness>(p, `/agreements/${a.id}/renewal-readiness`);
      if (r.shown && r.reviewId && r.reviewStatus === 'open') [agreementId, reviewId] = [a.id, r.reviewId];
    }
    expect(reviewId, 'an active 华信 agreement with an open renewal review (demo data)').not.toBe('');

    // The readiness card on the agreement page: each fact on track or at risk, and what would change the outlook.
    await p.goto(`${baseUrl()}/portal/agreements/${agreementId}`);
    const card = p.getByTestId('renewal-readiness');
    await card.getByText('Renewal readiness', { exact: true }).waitFor();
    await card.getByText('As things stand:').waitFor();
    for (const fact of ['Attainment', 'Qualification', 'Payment integrity', 'Service and reputation', 'Competition avoidance']) {
      await card.getByText(fact, { exact: true }).first().waitFor();
    }
    // 华信 is out of qualification compliance: that fact is not on track, and the card says what would change it.
    await expect(card.getByTestId('readiness-qualification').getByTestId('fact-state').textContent()).resolves.not.toBe('On track');
    await card.getByText('What would change it').waitFor();
    await card.getByText('The renewal review is open: your self-assessment is awaited.').waitFor();
    await screenshot(p, 'renewals-portal-readiness');
    await card.getByRole('link', { name: 'Open the renewal review' }).click();
    await p.waitForURL(new RegExp(`/portal/renewals/${reviewId}$`));

    // 2. The review: facts with their evidence; the self-assessment and the rating of the vendor.
    await p.getByRole('heading', { name: 'Renewal review', level: 2 }).waitFor();
    await p.getByTestId('fact-attainment').getByText('Evidence').waitFor();
    const form = p.getByTestId('self-assessment');
    await form.getByLabel('What went well').fill('Three large banks won in the financial sector; the co-sell with 兰亭 worked.');
    await form
      .getByLabel('Plan for the next term')
      .fill('Certify two more presales engineers on the Data Platform before the renewal date.');
    await form.getByLabel('Proposed quota per period (CNY)').fill('6,800,000');
    await form.getByRole('radio', { name: 'We sell no competing products' }).check();
    await form.getByRole('radio', { name: 'We will renew', exact: true }).click();
    const stars = { Product: 5, Competitiveness: 4, Margin: 3, Training: 4, Support: 5 } as const;
    for (const [dimension, n] of Object.entries(stars)) await rate(form.getByRole('group', { name: dimension, exact: true }), n);
    await form
      .getByRole('group', { name: /How likely are you to recommend/ })
      .getByText('9', { exact: true })
      .click();
    await form.getByLabel('Comments').fill('Faster answers on pricing exceptions would help us win more tenders.');
    await screenshot(p, 'renewals-portal-self-assessment');
    await Promise.all([
      p.waitForResponse(
        (r) => r.url().endsWith(`/api/renewal-reviews/${reviewId}/self-assessment`) && r.request().method() === 'POST' && r.status() < 300,
      ),
      form.getByRole('button', { name: 'Submit self-assessment' }).click(),
    ]);
    await form.getByText(/^Submitted by .+\. Submitting again replaces it\.$/).waitFor();
    await form.getByRole('button', { name: 'Replace self-assessment' }).waitFor();
    const submitted = await api<Review>(p, `/renewal-reviews/${reviewId}`);
    expect(submitted.selfAssessment?.rating).toMatchObject({
      product: 5,
      competitiveness: 4,
      margin: 3,
      training: 4,
      support: 5,
      likelyToRecommend: 9,
    });
    // The partner's declaration now counts in the competition fact.
    await p.getByTestId('fact-competition').getByText('We sell no competing products', { exact: true }).waitFor();

    // The review page on a phone: nothing scrolls sideways.
    await p.setViewportSize(PHONE);
    await p.waitForTimeout(500);
    await expectNoOverflow(p);
    await screenshot(p, 'renewals-portal-review-390');
    await p.setViewportSize(DESKTOP);

    // 3. The manager finds 华信's review on the board (ending within 60 days) and reads facts, evidence, recommendation.
    const m = manager.page;
    await m.setViewportSize(DESKTOP);
    await signIn(m, 'admin', 'manager@partnerline.demo', 'en');
    await m.waitForURL(/\/admin\/?$/);
    await m.getByRole('navigation').getByRole('link', { name: 'Renewals', exact: true }).first().click();
    await m.waitForURL(/\/admin\/renewals\/?(\?.*)?$/);
    await m.getByText('60 days', { exact: true }).click(); // the board's "Ending within" filter
    await m.waitForURL(/[?&]due=/);
    const row = m
      .getByRole('row')
      .filter({ hasText: '华信智联科技有限公司' })
      .filter({ has: m.locator(`a[href$="/renewals/${reviewId}"]`) });
    await row.waitFor();
    await screenshot(m, 'renewals-admin-board');
    await row.getByRole('link', { name: '华信智联科技有限公司' }).click();
    await m.waitForURL(new RegExp(`/admin/renewals/${reviewId}$`));
    await m.getByRole('heading', { name: 'Renewal review: 华信智联科技有限公司', level: 2 }).waitFor();
    const before = await api<Review>(m, `/renewal-reviews/${reviewId}`);
    expect(before.status).toBe('open');
    expect(before.suggestedQuota, 'a quota suggested from the last ended period').not.toBeNull();
    // Each fact: its card with its state, and every record behind it as a link to that record's admin page.
    const facts = {
      attainment: 'Attainment',
      qualification: 'Qualification',
      payments: 'Payment integrity',
      service: 'Service and reputation',
      competition: 'Competition avoidance',
    };
    for (const [key, name] of Object.entries(facts)) {
      const factCard = m.getByTestId(`fact-${key}`);
      await factCard.getByRole('heading', { name }).waitFor();
      const links = factCard.getByRole('list', { name: 'Evidence' }).getByRole('link');
      await expect(links.count(), `${key}: one link per evidence record`).resolves.toBe(before.evidence[key]?.length ?? 0);
    }
    const attainment = before.evidence.attainment ?? [];
    expect(attainment.length, 'the records behind the attainment fact').toBeGreaterThan(0);
    for (const e of attainment) {
      const href = e.kind === 'statement' ? `/admin/rebates/statements/${e.id}` : `/admin/agreements/${e.id}`;
      await expect(m.getByTestId('fact-attainment').locator(`a[href="${href}"]`).count(), `evidence ${e.kind} ${e.label}`).resolves.toBe(1);
    }
    // The recommendation, why, and (unless it is renew) what would change it.
    await m.getByRole('heading', { name: 'Recommendation', exact: true }).waitFor();
    await m.getByRole('list', { name: 'Why' }).waitFor();
    if (before.recommendation !== 'renew') await m.getByText('What would change it').first().waitFor();
    // The partner's self-assessment and rating, as it submitted them.
    const self = m.locator('#self-assessment');
    await self.getByText('Three large banks won in the financial sector', { exact: false }).waitFor();
    await self.getByText('9 / 10').waitFor();
    await screenshot(m, 'renewals-admin-review');

    // 4. Renew: the successor's quota comes prefilled with the suggestion; the rationale is the manager's.
    const decision = m.getByRole('form', { name: 'Decision' });
    await decision.getByText('Renew', { exact: true }).click();
    const quota = decision.getByLabel('Quota per period for the next term (CNY)');
    await expect(quota.inputValue()).resolves.toBe(before.suggestedQuota);
    await decision
      .getByLabel('Rationale (the partner sees it)')
      .fill('Strong financial-sector results: renew on the suggested quota; certify presales staff before the new term.');
    await Promise.all([
      m.waitForResponse((r) => r.url().endsWith(`/api/renewal-reviews/${reviewId}/decision`) && r.request().method() === 'POST'),
      decision.getByRole('button', { name: 'Record decision' }).click(),
    ]).then(async ([res]) => expect(res.status(), await res.text()).toBeLessThan(300));
    await m.getByText('Strong financial-sector results', { exact: false }).first().waitFor();
    await m.getByText(/^Decided by .+ on /).waitFor();
    const after = await api<Review>(m, `/renewal-reviews/${reviewId}`);
    expect(after.status).toBe('decided');
    expect(after.decision?.outcome).toBe('renew');
    expect(after.decision?.depositHandling).toBe('carry_over');
    const successorId = after.decision?.successorAgreementId;
    expect(successorId, 'the successor agreement draft').toMatch(/^[0-9a-f-]{36}$/);
    await screenshot(m, 'renewals-admin-decided');

    // 5. The successor draft, on its admin page and in the API that page reads: the suggested quota, the deposit carried over.
    await m.getByRole('link', { name: 'Open the successor draft' }).click();
    await m.waitForURL(new RegExp(`/admin/agreements/${successorId}$`));
    const current = await api<Agreement>(m, `/agreements/${agreementId}`);
    const successor = await api<Agreement>(m, `/agreements/${successorId}`);
    expect(successor.status).toBe('draft');
    expect(successor.partnerId).toBe(current.partnerId);
    expect(successor.type).toBe(current.type);
    expect(amount(successor.terms.quotaPerPeriod)).toBe(amount(before.suggestedQuota));
    expect(current.terms.deposit, '华信’s exclusive agreement asks a deposit').not.toBeNull();
    expect(amount(successor.terms.deposit?.amount)).toBe(amount(current.terms.deposit!.amount));
    await m.getByText('Draft', { exact: true }).first().waitFor();
    await m.getByRole('row', { name: /^Quota per period/ }).waitFor();
    await m.getByRole('row', { name: /^Deposit/ }).waitFor();
    await screenshot(m, 'renewals-admin-successor');
    // The paid deposit moved over: the successor's is paid (same amount), the predecessor's offset against it.
    const [held, carried] = await Promise.all([
      api<Deposit>(m, `/agreements/${agreementId}/deposit`),
      api<Deposit>(m, `/agreements/${successorId}/deposit`),
    ]);
    expect(carried.status).toBe('paid');
    expect(amount(carried.amount)).toBe(amount(held.amount));
    expect(held.status).toBe('offset');
    await m.goto(`${baseUrl()}/admin/rebates/deposits?agreementId=${successorId}`);
    await m.getByText('Due → Paid', { exact: true }).first().waitFor();
    await screenshot(m, 'renewals-admin-successor-deposit');

    // 6. The partner sees the decision and its rationale.
    await p.reload();
    const decided = p.getByTestId('renewal-decision');
    await decided.getByText('Renewed', { exact: true }).waitFor();
    await decided.getByText('Strong financial-sector results', { exact: false }).waitFor();
    await decided.getByText('Your deposit carries over to the new agreement.').waitFor();
    await screenshot(p, 'renewals-portal-decided');
  });
});

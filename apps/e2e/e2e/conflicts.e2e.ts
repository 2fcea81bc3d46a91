import { mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { baseUrl, type Browser, openBrowser, PASSWORD, signIn } from '../support/browser';

const docsScreenshots = join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..', 'docs', 'screenshots');

/** A unified social credit code with a valid check digit (GB 32100-2015), from a 17-character body. */
function uscc(body17: string): string {
  const chars = '0123456789ABCDEFGHJKLMNPQRTUWXY';
  const weights = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];
  const sum = [...body17].reduce((s, c, i) => s + chars.indexOf(c) * weights[i], 0);
  return body17 + chars[(31 - (sum % 31)) % 31];
}

async function call<T>(method: string, path: string, token: string | null, body?: unknown): Promise<T> {
  const res = await fetch(`${baseUrl()}/api${path}`, {
    method,
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await res.text();
  if (!res.ok) throw new Error(`${method} ${path} → ${res.status} ${text}`);
  return (text ? JSON.parse(text) : undefined) as T;
}

const login = async (email: string) => (await call<{ token: string }>('POST', '/auth/login', null, { email, password: PASSWORD })).token;

describe('a conflict case with three parties, in Chromium', () => {
  let manager: Browser;
  const ids: Record<'huaxin' | 'lanting' | 'xinghai', string> = { huaxin: '', lanting: '', xinghai: '' };
  let managerToken: string;

  beforeAll(async () => {
    // Three partners of the demo data whose agreements cover finance in Ningbo: 华信 (exclusive finance × China),
    // 兰亭 (registration agreement on Zhejiang) and 星海 (registration agreement on finance × Ningbo).
    managerToken = await login('manager@partnerline.demo');
    const [industries, regions, products] = await Promise.all([
      call<{ id: string; code: string }[]>('GET', '/industries', managerToken),
      call<{ id: string; code: string }[]>('GET', '/regions', managerToken),
      call<{ id: string; sku: string }[]>('GET', '/products', managerToken),
    ]);
    const taxId = uscc('91330200MA2H7Q8X3');
    const registration = (customer: Record<string, string>) => ({
      customer: {
        ...customer,
        industryId: industries.find((i) => i.code === 'FIN')!.id,
        regionId: regions.find((r) => r.code === 'ZJ-NB')!.id,
      },
      contacts: [{ name: '陈总', decisionLevel: 'decision_maker' }],
      products: [{ productId: products.find((p) => p.sku === 'DP-ENT')!.id, quantity: 1 }],
      estimatedAmount: '860000.00',
      expectedCloseDate: '2027-06-30',
      stage: 'solution',
      need: '建设统一的金融数据平台，整合客户与风控数据。',
      evidence: {
        proofOfCommunication: '2026-11-24 现场交流纪要',
        customerFeedback: '客户认可方案方向',
        customerDetails: '信息科技部陈总',
      },
    });
    // One customer under mixed keys: 华信 by tax id; 兰亭 by the same tax id written loosely plus a web address;
    // 星海 by the same web domain and the name in traditional characters with the city moved to the end.
    const plan: [keyof typeof ids, string, Record<string, string>][] = [
      ['huaxin', 'sales@huaxin.demo', { name: '宁波甬新数智金融服务有限公司', taxId }],
      [
        'lanting',
        'sales@lanting.demo',
        {
          name: 'Yongxin Digital Finance (Ningbo)',
          taxId: `${taxId.slice(0, 8)}-${taxId.slice(8, 12)} ${taxId.slice(12)}`.toLowerCase(),
          domain: 'https://www.yongxin-fin.example.cn/about',
        },
      ],
      ['xinghai', 'owner@xinghai.demo', { name: '甬新數智金融服務（寧波）有限公司', domain: 'yongxin-fin.example.cn' }],
    ];
    for (const [key, email, customer] of plan) {
      const token = await login(email);
      ids[key] = (await call<{ id: string }>('POST', '/deal-registrations', token, registration(customer))).id;
      await call('POST', `/deal-registrations/${ids[key]}/submit`, token);
    }
    manager = await openBrowser('zh-CN');
  });
  afterAll(async () => {
    await manager?.close();
  });

  const row = (m: Page, partner: string) => m.getByTestId('party').filter({ hasText: partner }).filter({ hasText: '报备' }).first();

  it('the manager sees why each party matched, splits between two and rejects the third', async () => {
    const m = manager.page;
    await signIn(m, 'admin', 'manager@partnerline.demo', 'zh');
    await m.waitForURL(/\/admin\/?$/);

    // From the third registration: it cannot be approved on its own, only through its case.
    await m.goto(`${baseUrl()}/admin/registrations/${ids.xinghai}`);
    await m.getByText('该报备属于一个未结冲突案件').waitFor();
    expect(await m.getByRole('button', { name: '批准' }).count()).toBe(0);
    await m.getByRole('link', { name: /打开案件 C-\d+/ }).click();
    await m.waitForURL(/\/admin\/conflicts\/[0-9a-f-]{36}$/);

    // Every party is there (three registrations and 华信 as the exclusive holder), each saying why it matched.
    await m.getByTestId('parties').waitFor();
    await row(m, '兰亭科技有限公司').waitFor();
    expect(await m.getByTestId('party').count()).toBe(4);
    const why = async (partner: string) => (await row(m, partner).getByTestId('match').textContent()) ?? '';
    expect(await why('兰亭科技有限公司')).toContain('税号相同');
    expect(await why('兰亭科技有限公司')).toContain(uscc('91330200MA2H7Q8X3'));
    expect(await why('星海云计算有限公司')).toMatch(/公司名称相似（相似度 \d+%）。|网站域名相同。/);
    expect(await why('星海云计算有限公司')).toContain('比较：“');
    expect(await why('华信智联科技有限公司')).toMatch(/税号相同|网站域名相同|公司名称相似/);
    const holder = m.getByTestId('party').filter({ hasText: '独家持有方' }).filter({ hasText: '华信智联科技有限公司' });
    await holder.getByText('持有该客户所在的独家区域。').waitFor();
    await holder.getByRole('link', { name: /^AG-[0-9A-F]{8}$/ }).waitFor();
    // The recommendation names a party; every partner here is active, so nobody is labelled on trial.
    await m
      .getByTestId('recommendation')
      .getByText(/^判给 /)
      .waitFor();
    expect(await m.getByText('考察期', { exact: true }).count()).toBe(0);

    // A one-party split is refused in the form, before anything is sent.
    await m
      .locator('label')
      .filter({ hasText: /^分成（合作销售）$/ })
      .click();
    await m.getByLabel('华信智联科技有限公司 的分成（%）').fill('100');
    await m
      .getByRole('textbox', { name: '理由（各方都会收到）' })
      .fill('华信持有金融独家并先报备，兰亭有客户关系：双方 60/40 合作，星海的报备不予保护。');
    await m.getByRole('button', { name: '协调' }).click();
    await m
      .getByTestId('split-error')
      .getByText(/分成至少需要两方/)
      .waitFor();

    await m.getByLabel('华信智联科技有限公司 的分成（%）').fill('60');
    await m.getByLabel('兰亭科技有限公司 的分成（%）').fill('40');
    await m.getByText('分成合计 100% · 参与分成：2 方').waitFor();
    mkdirSync(docsScreenshots, { recursive: true });
    // From the top: the app's fixed header would otherwise be drawn over the middle of a full-page shot.
    await m.evaluate(() => window.scrollTo(0, 0));
    await m.screenshot({ path: join(docsScreenshots, 'admin-conflict-case.png'), fullPage: true });
    await m.setViewportSize({ width: 390, height: 844 });
    await m.getByTestId('parties').waitFor();
    await m.evaluate(() => window.scrollTo(0, 0));
    await m.screenshot({ path: join(docsScreenshots, 'admin-conflict-case-390.png'), fullPage: true });
    await m.setViewportSize({ width: 1360, height: 860 });

    await m.getByRole('button', { name: '协调' }).click();
    await row(m, '华信智联科技有限公司').getByText('60%').waitFor();
    await row(m, '兰亭科技有限公司').getByText('40%').waitFor();
    await row(m, '星海云计算有限公司').getByText('未通过').waitFor();

    const status = async (id: string) => (await call<{ status: string }>('GET', `/deal-registrations/${id}`, managerToken)).status;
    expect(await status(ids.huaxin)).toBe('approved');
    expect(await status(ids.lanting)).toBe('approved');
    expect(await status(ids.xinghai)).toBe('rejected');
  });
});

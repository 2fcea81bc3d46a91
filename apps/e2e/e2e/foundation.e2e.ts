import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { baseUrl, type Browser, openBrowser, PASSWORD, screenshot } from '../support/browser';

async function signIn(b: Browser, app: 'admin' | 'portal', email: string, labels = { email: 'Email', password: 'Password', submit: 'Sign in' }) {
  await b.page.goto(`${baseUrl()}/${app}/login`);
  await b.page.getByLabel(labels.email).fill(email);
  await b.page.getByLabel(labels.password).fill(PASSWORD);
  await b.page.getByRole('button', { name: labels.submit }).click();
}

describe('foundation, in Chromium', () => {
  let zh: Browser;
  let en: Browser;
  beforeAll(async () => {
    [zh, en] = await Promise.all([openBrowser('zh-CN'), openBrowser('en-US')]);
  });
  afterAll(async () => {
    await Promise.all([zh?.close(), en?.close()]);
  });

  it('shows the login in the browser language', async () => {
    await zh.page.goto(`${baseUrl()}/admin/`);
    await zh.page.waitForURL(/\/admin\/login/);
    await expect(zh.page.getByRole('button', { name: '登录' }).isVisible()).resolves.toBe(true);
    await screenshot(zh.page, 'admin-login-zh');
    await en.page.goto(`${baseUrl()}/portal/`);
    await en.page.waitForURL(/\/portal\/login/);
    await expect(en.page.getByRole('button', { name: 'Sign in' }).isVisible()).resolves.toBe(true);
    await screenshot(en.page, 'portal-login-en');
  });

  it.each([
    ['admin@partnerline.demo', 'admin', 'Vendor admin'],
    ['manager@partnerline.demo', 'admin', 'Channel manager'],
    ['leader@partnerline.demo', 'admin', 'Leadership'],
    ['owner@huaxin.demo', 'portal', '华信智联科技有限公司'],
    ['sales@huaxin.demo', 'portal', '华信智联科技有限公司'],
    ['owner@lanting.demo', 'portal', '兰亭科技有限公司'],
  ] as const)('%s signs in and lands on a page for its role', async (email, app, expected) => {
    const b = await openBrowser('en-US');
    try {
      await signIn(b, app, email);
      await b.page.waitForURL(new RegExp(`/${app}/?$`));
      await b.page.getByText(expected).first().waitFor();
      await screenshot(b.page, `${app}-home-${email.split('@')[0]}-${email.split('@')[1].split('.')[0]}`);
    } finally {
      await b.close();
    }
  });

  it('a partner signing in to the admin app is sent to the portal', async () => {
    const b = await openBrowser('en-US');
    try {
      await signIn(b, 'admin', 'owner@lanting.demo');
      await b.page.getByRole('link', { name: /portal/i }).first().waitFor();
    } finally {
      await b.close();
    }
  });

  it('a channel manager edits a segment: the quadrant preview follows the scores before saving', async () => {
    const b = await openBrowser('zh-CN');
    try {
      await signIn(b, 'admin', 'manager@partnerline.demo', { email: '邮箱', password: '密码', submit: '登录' });
      await b.page.waitForURL(/\/admin\/?$/);
      await b.page.goto(`${baseUrl()}/admin/segments`);
      await b.page.getByRole('table').waitFor();
      await screenshot(b.page, 'admin-segments');
      await b.page.getByRole('button', { name: '编辑' }).first().click();
      const dialog = b.page.getByRole('dialog');
      await dialog.getByLabel('市场潜力').fill('90');
      await dialog.getByLabel('拓展难度').fill('90');
      await dialog.getByText('战略伙伴').first().waitFor();
      await dialog.getByLabel('拓展难度').fill('10');
      await dialog.getByText('直销').first().waitFor();
      await screenshot(b.page, 'admin-segment-edit');
      await dialog.getByRole('button', { name: '保存' }).click();
      await dialog.waitFor({ state: 'detached' });
    } finally {
      await b.close();
    }
  });

  it('switches the language and keeps it after a reload', async () => {
    const b = await openBrowser('en-US');
    try {
      await signIn(b, 'portal', 'owner@huaxin.demo');
      await b.page.waitForURL(/\/portal\/?$/);
      await b.page.getByRole('button', { name: /owner|华信|admin/i }).first().waitFor();
      await b.page.getByLabel('Language').first().click();
      await b.page.getByRole('option', { name: '简体中文' }).click();
      await b.page.getByText('退出登录').or(b.page.getByText('语言')).first().waitFor();
      await b.page.reload();
      await b.page.getByLabel('语言').first().waitFor();
    } finally {
      await b.close();
    }
  });
});

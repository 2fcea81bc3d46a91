import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { baseUrl, type Browser, openBrowser, PASSWORD, screenshot, signIn } from '../support/browser';

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
    await zh.page.getByRole('button', { name: '登录' }).waitFor();
    await screenshot(zh.page, 'admin-login-zh');
    await en.page.goto(`${baseUrl()}/portal/`);
    await en.page.waitForURL(/\/portal\/login/);
    await en.page.getByRole('button', { name: 'Sign in' }).waitFor();
    await screenshot(en.page, 'portal-login-en');
  });

  it('a wrong password shows the server message, in the UI language', async () => {
    await zh.page.goto(`${baseUrl()}/admin/login`);
    await zh.page.getByLabel('邮箱').fill('admin@partnerline.demo');
    await zh.page.getByLabel('密码').fill('not-the-password');
    await zh.page.getByRole('button', { name: '登录' }).click();
    await expect(zh.page.getByRole('alert').filter({ hasText: '邮箱或密码不正确' }).textContent()).resolves.toContain('邮箱或密码不正确');
  });

  it.each([
    ['admin@partnerline.demo', 'admin', 'Vendor admin'],
    ['manager@partnerline.demo', 'admin', 'Channel manager'],
    ['manager2@partnerline.demo', 'admin', 'Channel manager'],
    ['leader@partnerline.demo', 'admin', 'Leadership'],
    ['owner@huaxin.demo', 'portal', '华信智联科技有限公司'],
    ['sales@huaxin.demo', 'portal', '华信智联科技有限公司'],
    ['owner@lanting.demo', 'portal', '兰亭科技有限公司'],
  ] as const)('%s signs in and lands on a page for its role', async (email, app, expected) => {
    const b = await openBrowser('en-US');
    try {
      await signIn(b.page, app, email);
      await b.page.waitForURL(new RegExp(`/${app}/?$`));
      await b.page.getByText(expected).first().waitFor();
      await b.page.getByText(/Welcome/).first().waitFor();
      await screenshot(b.page, `${app}-home-${email.replace(/[@.]/g, '-')}`);
    } finally {
      await b.close();
    }
  });

  it('a partner signing in to the admin app is pointed to the portal', async () => {
    const b = await openBrowser('en-US');
    try {
      await signIn(b.page, 'admin', 'owner@lanting.demo');
      await b.page.getByText('This account belongs in the other app').waitFor();
      await b.page.getByRole('link', { name: 'Open the partner portal' }).waitFor();
    } finally {
      await b.close();
    }
  });

  it('a channel manager edits a segment: the quadrant preview follows the scores before saving', async () => {
    const b = await openBrowser('zh-CN');
    try {
      await signIn(b.page, 'admin', 'manager@partnerline.demo', 'zh');
      await b.page.waitForURL(/\/admin\/?$/);
      await b.page.goto(`${baseUrl()}/admin/segments`);
      await b.page.getByRole('table').first().waitFor();
      await screenshot(b.page, 'admin-segments');
      await b.page.getByRole('button', { name: '编辑' }).first().click();
      const dialog = b.page.getByRole('dialog');
      const preview = dialog.getByTestId('quadrant-preview');
      await dialog.getByLabel('市场潜力').fill('90');
      await dialog.getByLabel('拓展难度').fill('90');
      await preview.getByText('战略伙伴').waitFor();
      await dialog.getByLabel('拓展难度').fill('10');
      await preview.getByText('直销').waitFor();
      await screenshot(b.page, 'admin-segment-edit');
      await dialog.getByRole('button', { name: '保存' }).click();
      await dialog.waitFor({ state: 'detached' });
      await b.page.getByText('细分市场已保存').waitFor();
    } finally {
      await b.close();
    }
  });

  it('leadership sees the segments read-only', async () => {
    const b = await openBrowser('en-US');
    try {
      await signIn(b.page, 'admin', 'leader@partnerline.demo');
      await b.page.waitForURL(/\/admin\/?$/);
      await b.page.goto(`${baseUrl()}/admin/segments`);
      await b.page.getByText('Read-only for your role.').waitFor();
      expect(await b.page.getByRole('button', { name: 'Edit' }).count()).toBe(0);
    } finally {
      await b.close();
    }
  });

  it('switches the language, saves it on the account and keeps it after a reload', async () => {
    const b = await openBrowser('en-US');
    try {
      await signIn(b.page, 'portal', 'owner@lanting.demo');
      await b.page.waitForURL(/\/portal\/?$/);
      await b.page.getByText('Welcome').first().waitFor();
      await b.page.getByLabel('Language').first().click();
      await b.page.getByRole('option', { name: '简体中文' }).click();
      await b.page.getByText('欢迎').first().waitFor();
      await b.page.reload();
      await b.page.getByText('欢迎').first().waitFor();
      void PASSWORD;
    } finally {
      await b.close();
    }
  });
});

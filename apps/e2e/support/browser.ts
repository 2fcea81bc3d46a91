import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type BrowserContext, chromium, type Page } from 'playwright-core';
import { expect, inject } from 'vitest';

export const PASSWORD = 'Partnerline-demo-2026';
/** The phone viewport the layouts are checked at. */
export const PHONE = { width: 390, height: 844 };
export const screenshotDir = join(dirname(fileURLToPath(import.meta.url)), '..', 'screenshots');

export function baseUrl(): string {
  return inject('baseUrl');
}

export interface Browser {
  context: BrowserContext;
  page: Page;
  close(): Promise<void>;
}

/** Debian's chromium driven by playwright-core, in a fresh profile, with the given UI language. */
export async function openBrowser(locale: 'zh-CN' | 'en-US' = 'en-US'): Promise<Browser> {
  const profile = mkdtempSync(join(tmpdir(), 'partnerline-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium',
    headless: true,
    locale,
    viewport: { width: 1360, height: 860 },
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync', `--lang=${locale}`],
  });
  const page = context.pages()[0] ?? (await context.newPage());
  return {
    context,
    page,
    async close() {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

/** The page body never scrolls sideways (at most 1 px of rounding). */
export async function expectNoOverflow(page: Page): Promise<void> {
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(overflow).toBeLessThanOrEqual(1);
}

export async function screenshot(page: Page, name: string): Promise<void> {
  mkdirSync(screenshotDir, { recursive: true });
  await page.screenshot({ path: join(screenshotDir, `${name}.png`), fullPage: true });
}

const LABELS = {
  en: { email: 'Email', password: 'Password', submit: 'Sign in' },
  zh: { email: '邮箱', password: '密码', submit: '登录' },
};

export async function signIn(page: Page, app: 'admin' | 'portal', email: string, lang: 'en' | 'zh' = 'en', password = PASSWORD): Promise<void> {
  const l = LABELS[lang];
  await page.goto(`${baseUrl()}/${app}/login`);
  await page.getByRole('textbox', { name: l.email }).fill(email);
  await page.getByRole('textbox', { name: l.password }).fill(password);
  await page.getByRole('button', { name: l.submit }).click();
}

import { type ChildProcess, spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer, type AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Page } from 'playwright-core';
import { SMTPServer } from 'smtp-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openBrowser, PASSWORD, screenshotDir } from '../support/browser';

/**
 * Access administration (issue #13), tried as people would: an administrator invites a channel manager, who sets a
 * password from the emailed link and signs in; someone who forgot their password gets a link by email.
 * The shared test server sends no email, so this file starts its own (built API + apps, embedded database with the
 * demo data) whose mail goes over real SMTP to a catcher on loopback.
 */

const apiMain = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'api', 'dist', 'main.js');

interface Mail {
  to: string[];
  raw: string;
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as AddressInfo;
      srv.close(() => resolve(port));
    });
    srv.on('error', reject);
  });
}

/** The body of a quoted-printable mail as text (soft breaks joined, =XX bytes decoded as UTF-8). */
function decodedBody(raw: string): string {
  const joined = raw.replace(/=\r?\n/g, '');
  const bytes: number[] = [];
  for (let i = 0; i < joined.length; i++) {
    if (joined[i] === '=' && /^[0-9A-F]{2}$/.test(joined.slice(i + 1, i + 3))) {
      bytes.push(parseInt(joined.slice(i + 1, i + 3), 16));
      i += 2;
    } else bytes.push(...Buffer.from(joined[i], 'utf8'));
  }
  return Buffer.from(bytes).toString('utf8');
}

let base = '';
let child: ChildProcess | null = null;
let smtp: SMTPServer | null = null;
let dataDir = '';
const mails: Mail[] = [];

async function linkMailedTo(email: string, path: string, after: number): Promise<string> {
  const deadline = Date.now() + 30_000;
  while (Date.now() < deadline) {
    const mail = mails.slice(after).find((m) => m.to.includes(email));
    if (mail) {
      const m = new RegExp(`https?://[^\\s]+${path}\\?token=[A-Za-z0-9_%-]+`).exec(decodedBody(mail.raw));
      if (!m) throw new Error(`the mail to ${email} has no ${path} link`);
      return m[0];
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`no mail to ${email} within 30 s`);
}

async function shoot(page: Page, name: string) {
  mkdirSync(screenshotDir, { recursive: true });
  await page.screenshot({ path: join(screenshotDir, `${name}.png`), fullPage: true });
}

async function signIn(page: Page, email: string, password: string, labels = { email: 'Email', password: 'Password', submit: 'Sign in' }) {
  await page.goto(`${base}/admin/login`);
  await page.getByRole('textbox', { name: labels.email }).fill(email);
  await page.getByRole('textbox', { name: labels.password }).fill(password);
  await page.getByRole('button', { name: labels.submit }).click();
}

beforeAll(async () => {
  smtp = new SMTPServer({
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    onData(stream, session, done) {
      let raw = '';
      stream.on('data', (c: Buffer) => (raw += c.toString('utf8')));
      stream.on('end', () => {
        mails.push({ to: session.envelope.rcptTo.map((r) => r.address), raw });
        done();
      });
    },
  });
  await new Promise<void>((resolve) => smtp!.listen(0, '127.0.0.1', resolve));
  const smtpPort = (smtp.server.address() as AddressInfo).port;
  const port = await freePort();
  base = `http://127.0.0.1:${port}`;
  dataDir = mkdtempSync(join(tmpdir(), 'partnerline-e2e-access-'));
  let output = '';
  child = spawn(process.execPath, [apiMain], {
    env: {
      ...process.env,
      PORT: String(port),
      HOST: '127.0.0.1',
      DATA_DIR: dataDir,
      DATABASE_URL: '',
      LOG_LEVEL: 'warn',
      NODE_ENV: 'development',
      SMTP_URL: `smtp://127.0.0.1:${smtpPort}`,
      MAIL_FROM: 'Partnerline <noreply@partnerline.test>',
      PUBLIC_URL: base,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout?.on('data', (d) => (output += d));
  child.stderr?.on('data', (d) => (output += d));
  const deadline = Date.now() + 110_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`the server exited (${child.exitCode}):\n${output}`);
    if (Date.now() > deadline) throw new Error(`the server did not become healthy:\n${output}`);
    try {
      if ((await fetch(`${base}/api/health`)).ok) break;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 300));
  }
});

afterAll(async () => {
  if (child) {
    child.kill('SIGTERM');
    await new Promise((r) => child!.once('exit', r));
  }
  await new Promise<void>((resolve) => (smtp ? smtp.close(() => resolve()) : resolve()));
  if (dataDir) rmSync(dataDir, { recursive: true, force: true });
});

describe('access administration', () => {
  const stamp = Date.now();
  const email = `zhou-${stamp}@partnerline.test`;

  it('an administrator invites a channel manager, who sets a password from the emailed link and signs in', async () => {
    const admin = await openBrowser('en-US');
    try {
      const consoleErrors: string[] = [];
      admin.page.on('console', (m) => m.type() === 'error' && consoleErrors.push(m.text()));
      await admin.page.goto(`${base}/admin/login`);
      // The demo data is loaded: the hint is there; the session probe logged no 401.
      await expect.poll(() => admin.page.getByText('Demo accounts use the password').count()).toBe(1);
      expect(consoleErrors).toEqual([]);
      await shoot(admin.page, 'admin-login');

      await signIn(admin.page, 'admin@partnerline.demo', PASSWORD);
      await admin.page.getByRole('heading', { name: /Welcome/ }).waitFor();
      await admin.page.goto(`${base}/admin/users`);
      await admin.page.getByRole('button', { name: 'Invite staff' }).click();
      const dialog = admin.page.getByRole('dialog', { name: 'Invite vendor staff' });
      await dialog.getByRole('textbox', { name: 'Email' }).fill(email);
      await dialog.getByRole('textbox', { name: 'Name' }).fill('Zhou Xin');
      const before = mails.length;
      await dialog.getByRole('button', { name: 'Send the invitation' }).click();
      await admin.page.getByText(`Invitation sent to ${email}.`).waitFor();
      await admin.page.getByRole('textbox', { name: 'Search' }).fill('zhou-');
      await admin.page.getByRole('cell', { name: email }).waitFor();
      await expect.poll(() => admin.page.getByText('Invited', { exact: true }).count()).toBeGreaterThan(0);
      await shoot(admin.page, 'admin-users-invited');

      const link = await linkMailedTo(email, '/admin/accept-invitation', before);
      expect(link.startsWith(base)).toBe(true);

      const invitee = await openBrowser('zh-CN');
      try {
        await invitee.page.goto(link);
        await invitee.page.getByRole('heading', { name: '欢迎使用 Partnerline' }).waitFor();
        await invitee.page.getByLabel('新密码', { exact: false }).first().fill('Channel-manager-2026');
        await invitee.page.getByLabel('再次输入新密码', { exact: false }).fill('Channel-manager-2026');
        await invitee.page.getByRole('button', { name: '保存密码' }).click();
        await invitee.page.getByText(`您的账号 ${email} 已就绪`).waitFor();
        await invitee.page.getByRole('link', { name: '登录' }).click();
        await signIn(invitee.page, email, 'Channel-manager-2026', { email: '邮箱', password: '密码', submit: '登录' });
        await invitee.page.getByRole('heading', { name: /Zhou Xin/ }).waitFor();
        // A channel manager may not use the users page: it says so instead of sending them away silently.
        await invitee.page.goto(`${base}/admin/users`);
        await invitee.page.getByRole('heading', { name: '您无权访问此页面' }).waitFor();
        await invitee.page.getByText('您的角色（渠道经理）不能使用此页面。').waitFor();
        await shoot(invitee.page, 'admin-no-access-zh');
      } finally {
        await invitee.close();
      }

      // The administrator makes the new colleague leadership (confirmed in a dialog).
      await admin.page.goto(`${base}/admin/users?q=zhou-`);
      await admin.page.getByRole('button', { name: 'Change the role of Zhou Xin' }).click();
      const roleDialog = admin.page.getByRole('dialog', { name: 'Change the role of Zhou Xin' });
      await roleDialog.getByRole('combobox', { name: 'New role' }).click();
      await admin.page.getByRole('option', { name: 'Leadership' }).click();
      await roleDialog.getByText('Zhou Xin: Channel manager → Leadership').waitFor();
      await roleDialog.getByRole('button', { name: 'Change the role' }).click();
      await admin.page.getByText('Zhou Xin is now Leadership.').waitFor();

      // The audit log says what happened, in words, with the change as "field: before → after".
      await admin.page.goto(`${base}/admin/audit?entity=user`);
      await admin.page.getByRole('cell', { name: 'Role changed' }).first().waitFor();
      await admin.page.getByRole('cell', { name: 'Invitation accepted' }).first().waitFor();
      await admin.page.getByRole('cell', { name: 'User invited' }).first().waitFor();
      await admin.page.getByText('Channel manager', { exact: true }).first().waitFor();
      await shoot(admin.page, 'admin-audit');
      await admin.page.goto(`${base}/admin/audit`);
      await admin.page.getByRole('cell', { name: 'Signed in' }).first().waitFor();
      await shoot(admin.page, 'admin-audit-all');
      await admin.page.setViewportSize({ width: 390, height: 844 });
      await admin.page.goto(`${base}/admin/audit?entity=user`);
      await admin.page.getByText('Role changed').first().waitFor();
      await shoot(admin.page, 'admin-audit-390');
      await admin.page.goto(`${base}/admin/users`);
      await admin.page.getByRole('button', { name: 'Invite staff' }).waitFor();
      await shoot(admin.page, 'admin-users-390');
    } finally {
      await admin.close();
    }
  });

  it('someone who forgot their password gets a single-use link by email and signs in with the new one', async () => {
    const b = await openBrowser('zh-CN');
    try {
      await b.page.goto(`${base}/admin/login`);
      await b.page.getByRole('link', { name: '忘记密码？' }).click();
      await b.page.getByRole('heading', { name: '重置密码' }).waitFor();
      await shoot(b.page, 'admin-forgot-password-zh');
      const before = mails.length;
      await b.page.getByRole('textbox', { name: '邮箱' }).fill(email);
      await b.page.getByRole('button', { name: '发送链接' }).click();
      await b.page.getByText('请查收邮件').waitFor();
      const link = await linkMailedTo(email, '/admin/reset-password', before);
      await b.page.goto(link);
      await b.page.getByRole('heading', { name: '设置新密码' }).waitFor();
      await shoot(b.page, 'admin-reset-password-zh');
      await b.page.getByLabel('新密码', { exact: false }).first().fill('Fresh-password-2026');
      await b.page.getByLabel('再次输入新密码', { exact: false }).fill('Fresh-password-2026');
      await b.page.getByRole('button', { name: '保存密码' }).click();
      await b.page.getByText(`${email} 的密码已修改`).waitFor();
      // The link works once.
      await b.page.goto(link);
      await b.page.getByLabel('新密码', { exact: false }).first().fill('Another-password-2026');
      await b.page.getByLabel('再次输入新密码', { exact: false }).fill('Another-password-2026');
      await b.page.getByRole('button', { name: '保存密码' }).click();
      await b.page.getByText('该密码重置链接无效、已被使用或已过期').waitFor();
      await signIn(b.page, email, 'Fresh-password-2026', { email: '邮箱', password: '密码', submit: '登录' });
      await b.page.getByRole('heading', { name: /Zhou Xin/ }).waitFor();
      // Now leadership: the audit log reads in Chinese too.
      await b.page.goto(`${base}/admin/audit?entity=user`);
      await b.page.getByRole('cell', { name: '密码已重置' }).first().waitFor();
      await b.page.getByRole('cell', { name: '角色已变更' }).first().waitFor();
      await b.page.getByText('渠道经理', { exact: true }).first().waitFor();
      await shoot(b.page, 'admin-audit-zh');
      await b.page.setViewportSize({ width: 390, height: 844 });
      await shoot(b.page, 'admin-audit-zh-390');
    } finally {
      await b.close();
    }
  });
});

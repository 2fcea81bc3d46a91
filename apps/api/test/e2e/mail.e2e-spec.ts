import type { INestApplication } from '@nestjs/common';
import { usccCheckChar } from '@partnerline/domain';
import { type AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';
import request from 'supertest';
import { NotificationMailer } from '../../src/modules/notifications/notification-mailer';
import { api, createTestApp, loginAs } from '../support/test-app';

interface Received {
  to: string[];
  raw: string;
}

/** A real SMTP server on loopback: the API's mailer talks SMTP to it exactly as to a production relay. */
async function startSmtp(): Promise<{ port: number; received: Received[]; close: () => Promise<void> }> {
  const received: Received[] = [];
  const server = new SMTPServer({
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    onData(stream, session, done) {
      let raw = '';
      stream.on('data', (c: Buffer) => (raw += c.toString('utf8')));
      stream.on('end', () => {
        received.push({ to: session.envelope.rcptTo.map((r) => r.address), raw });
        done();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.server.address() as AddressInfo).port;
  return { port, received, close: () => new Promise((resolve) => server.close(() => resolve())) };
}

/** RFC 2047 "Q" encoding: =XX are UTF-8 bytes, _ is a space. */
function decodeQ(text: string): string {
  const bytes: number[] = [];
  for (let i = 0; i < text.length; i++) {
    if (text[i] === '=' && /^[0-9A-F]{2}$/i.test(text.slice(i + 1, i + 3))) {
      bytes.push(parseInt(text.slice(i + 1, i + 3), 16));
      i += 2;
    } else bytes.push(text[i] === '_' ? 32 : text.charCodeAt(i));
  }
  return Buffer.from(bytes).toString('utf8');
}

function decodedSubject(raw: string): string {
  const line = /^Subject: (.*(?:\r?\n[ \t].*)*)/m.exec(raw)?.[1] ?? '';
  return line
    .replace(/\r?\n[ \t]/g, '')
    .replace(/=\?UTF-8\?([BQ])\?([^?]*)\?=\s*/gi, (_, enc: string, text: string) =>
      enc.toUpperCase() === 'B' ? Buffer.from(text, 'base64').toString('utf8') : decodeQ(text),
    );
}

describe('email notifications over SMTP', () => {
  let app: INestApplication;
  let smtp: Awaited<ReturnType<typeof startSmtp>>;

  beforeAll(async () => {
    smtp = await startSmtp();
    app = await createTestApp({ SMTP_URL: `smtp://127.0.0.1:${smtp.port}`, MAIL_FROM: 'Partnerline <noreply@partnerline.test>' });
  });
  afterAll(async () => {
    await app.close();
    await smtp.close();
  });

  it('queues an email per notification and sends it once, in the recipient language', async () => {
    const mailer = app.get(NotificationMailer);
    await mailer.sendPending(); // flush anything older
    smtp.received.length = 0;

    const body = `91330106MA${String(Date.now() % 1e7).padStart(7, '0')}`;
    const taxId = body + usccCheckChar(body);
    const manager = await loginAs(app, 'manager@partnerline.demo');
    const regions = (await api(app, manager).get('/api/regions')).body as { id: string; code: string }[];
    const industries = (await api(app, manager).get('/api/industries')).body as { id: string }[];
    const email = `mail-${Date.now()}@example.cn`;
    const res = await request(app.getHttpServer())
      .post('/api/partner-applications')
      .send({
        companyName: '宁波海曙邮件测试有限公司',
        taxIdKind: 'uscc',
        taxId,
        domain: `mail-${Date.now()}.example.cn`,
        regionId: regions.find((r) => r.code === 'ZJ-NB')!.id,
        headcount: 20,
        annualRevenue: '5000000',
        yearsTrading: 3,
        businessLines: ['运维服务'],
        cashFlow: { positiveLastYear: true, receivablesDays: 45 },
        type: 'smb',
        desiredSegments: [{ industryId: industries[0].id, regionId: regions.find((r) => r.code === 'ZJ')!.id }],
        personInCharge: { name: '王五', email: 'wang@example.cn' },
        declarations: { integrity: true, noConflictingCompetitorProducts: true },
        account: { email, displayName: '王五', password: 'Mail-test-pass-2026', locale: 'zh-CN' },
      });
    expect(res.status).toBe(201);
    const me = (await api(app, manager).get('/api/auth/me')).body;
    await api(app, manager).post(`/api/partners/${res.body.partnerId}/assign`).send({ managerId: me.id }).expect(204);

    const sent = await mailer.sendPending();
    expect(sent).toBeGreaterThanOrEqual(3); // managers told of the application; manager and applicant told of the assignment
    const toApplicant = smtp.received.filter((m) => m.to.includes(email));
    expect(toApplicant).toHaveLength(1);
    expect(decodedSubject(toApplicant[0].raw)).toBe('申请已指派：宁波海曙邮件测试有限公司');
    expect(toApplicant[0].raw).toMatch(/From: Partnerline <noreply@partnerline\.test>/);
    const toEnglishManager = smtp.received.find((m) => m.to.includes('manager2@partnerline.demo'));
    expect(decodedSubject(toEnglishManager!.raw)).toBe('New partner application: 宁波海曙邮件测试有限公司');

    // Nothing is sent twice.
    const before = smtp.received.length;
    expect(await mailer.sendPending()).toBe(0);
    expect(smtp.received.length).toBe(before);
  });
});

import type { INestApplication } from '@nestjs/common';
import { AgreementSweeper } from '../../src/modules/agreements/agreement-sweeper';
import { JobRunner } from '../../src/modules/operations/job-runner';
import { api, createTestApp, dataSourceOf, loginAs } from '../support/test-app';

describe('operations: durable jobs', () => {
  let app: INestApplication;
  let admin: string;
  let leader: string;
  let manager: string;
  let partner: string;

  beforeAll(async () => {
    app = await createTestApp();
    [admin, leader, manager, partner] = await Promise.all([
      loginAs(app, 'admin@partnerline.demo'),
      loginAs(app, 'leader@partnerline.demo'),
      loginAs(app, 'manager@partnerline.demo'),
      loginAs(app, 'owner@huaxin.demo'),
    ]);
  });
  afterAll(() => app.close());

  const runsOf = async (kind: string, key: string) =>
    (await dataSourceOf(app).query(`SELECT * FROM job_runs WHERE kind = $1 AND key = $2`, [kind, key])) as {
      status: string;
      attempt: number;
      processed: number;
      total: number | null;
      cursor: string | null;
      last_error: string | null;
    }[];

  it('lists the four sweeps with their hourly schedule; only vendor admins and leadership may look', async () => {
    const res = await api(app, admin).get('/api/operations/jobs').expect(200);
    expect(res.body.items.map((j: { kind: string }) => j.kind)).toEqual(['agreement-sweep', 'coverage-refresh', 'registration-sweep', 'renewal-sweep', 'training-sweep']);
    expect(res.body.items[0]).toMatchObject({ schedule: '0 * * * *', timeZone: 'Asia/Shanghai', enabled: false });
    await api(app, leader).get('/api/operations/job-runs').expect(200);
    await api(app, manager).get('/api/operations/jobs').expect(403);
    await api(app, partner).get('/api/operations/job-runs').expect(403);
    await api(app, leader).post('/api/operations/jobs/agreement-sweep/run').send({}).expect(403);
  });

  it('"run now" with the same key twice gives one queued run, audited once', async () => {
    const key = 'click-0001-aaaa';
    const [a, b] = await Promise.all([
      api(app, admin).post('/api/operations/jobs/training-sweep/run').send({ key }),
      api(app, admin).post('/api/operations/jobs/training-sweep/run').send({ key }),
    ]);
    expect([a.status, b.status]).toEqual([202, 202]);
    expect(a.body.id).toBe(b.body.id);
    expect(a.body).toMatchObject({
      kind: 'training-sweep',
      key: `manual:${key}`,
      trigger: 'manual',
      status: 'queued',
      requestedBy: 'admin@partnerline.demo',
    });
    expect(await runsOf('training-sweep', `manual:${key}`)).toHaveLength(1);
    const listed = await api(app, admin).get('/api/operations/job-runs?kind=training-sweep&status=queued').expect(200);
    expect(listed.body.items.map((r: { id: string }) => r.id)).toContain(a.body.id);
    const audit = await dataSourceOf(app).query(`SELECT count(*)::int AS n FROM audit_log WHERE entity = 'job_run' AND entity_id = $1`, [
      a.body.id,
    ]);
    expect(audit[0].n).toBe(1);
    const unknown = await api(app, admin).post('/api/operations/jobs/no-such-job/run').send({});
    expect(unknown.status).toBe(404);
    expect(unknown.body.code).toBe('JOB_KIND_UNKNOWN');
  });

  it('a delivery runs the sweep once per key; a redelivery of a finished run does nothing', async () => {
    const runner = app.get(JobRunner);
    const first = await runner.handle({ kind: 'agreement-sweep', key: '2020-01-01T09:00', trigger: 'schedule' }, new Date());
    expect(first).toMatchObject({ status: 'succeeded', attempt: 1 });
    expect(await runner.handle({ kind: 'agreement-sweep', key: '2020-01-01T09:00', trigger: 'schedule' }, new Date())).toBeNull();
    expect(await runsOf('agreement-sweep', '2020-01-01T09:00')).toHaveLength(1);
    const recent = await api(app, admin).get('/api/operations/jobs').expect(200);
    expect(recent.body.items[0].lastRun).toMatchObject({ key: '2020-01-01T09:00', status: 'succeeded' });
  });

  it('a run cut short is retried in the same row and resumes from its cursor', async () => {
    const runner = app.get(JobRunner);
    const sweeper = app.get(AgreementSweeper);
    const seen: (string | null)[] = [];
    const spy = jest
      .spyOn(sweeper, 'execute')
      .mockImplementationOnce(async (ctx) => {
        seen.push(ctx.cursor);
        await ctx.progress(40, 100, 'partner-40');
        throw new Error('connection lost');
      })
      .mockImplementationOnce(async (ctx) => {
        seen.push(ctx.cursor);
        await ctx.progress(100, 100, 'partner-100');
        return null;
      });
    const data = { kind: 'agreement-sweep' as const, key: 'manual:resume-test', trigger: 'manual' as const };
    await expect(runner.handle(data, new Date())).rejects.toThrow('connection lost');
    expect((await runsOf(data.kind, data.key))[0]).toMatchObject({
      status: 'failed',
      processed: 40,
      total: 100,
      cursor: 'partner-40',
      last_error: 'connection lost',
    });
    expect(await runner.handle(data, new Date())).toMatchObject({
      status: 'succeeded',
      attempt: 2,
      processed: 100,
      cursor: 'partner-100',
      lastError: null,
    });
    expect(seen).toEqual([null, 'partner-40']);
    expect(await runsOf(data.kind, data.key)).toHaveLength(1);
    spy.mockRestore();
  });
});

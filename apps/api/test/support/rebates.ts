import type { INestApplication } from '@nestjs/common';
import { api } from './test-app';

/** A rebate run as `GET /api/rebate-runs/:id` answers it. */
export type RebateRun = {
  id: string;
  status: string;
  total: number;
  done: number;
  percent: number;
  created: number;
  updated: number;
  unchanged: number;
  locked: number;
  errors: number;
  diff: unknown[];
  errorDetails?: unknown;
};

/** Polls the run every 50 ms until it succeeded or failed (at most `tries` times) and returns it as last seen. */
export async function waitForRebateRun(app: INestApplication, token: string, id: string, tries = 400): Promise<RebateRun> {
  for (let i = 0; i < tries; i++) {
    const res = await api(app, token).get(`/api/rebate-runs/${id}`).expect(200);
    if (res.body.status === 'succeeded' || res.body.status === 'failed') return res.body;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`run ${id} did not finish`);
}

/** Starts a run of the period (202) and waits for it to finish. */
export async function runRebatePeriod(app: INestApplication, token: string, period: string, tries?: number): Promise<RebateRun> {
  const started = await api(app, token).post('/api/rebate-runs').send({ period }).expect(202);
  return waitForRebateRun(app, token, started.body.id, tries);
}

/** The list rows of the agreement's statements of the period starting on `periodStart`. */
export async function rebateStatementRows(app: INestApplication, token: string, agreementId: string, periodStart: string): Promise<{ id: string }[]> {
  return (await api(app, token).get(`/api/rebate-statements?agreementId=${agreementId}&periodStart=${periodStart}`).expect(200)).body.items;
}

/** One statement in full (lines, explanation). */
export async function rebateStatement(app: INestApplication, token: string, id: string) {
  return (await api(app, token).get(`/api/rebate-statements/${id}`).expect(200)).body;
}

/** The agreement's statement of the period starting on `periodStart`, in full. */
export async function statementOf(app: INestApplication, token: string, agreementId: string, periodStart: string) {
  const [row] = await rebateStatementRows(app, token, agreementId, periodStart);
  if (!row) throw new Error(`no statement of ${agreementId} for the period from ${periodStart}`);
  return rebateStatement(app, token, row.id);
}

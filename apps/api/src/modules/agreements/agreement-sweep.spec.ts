import type { DataSource, EntityManager } from 'typeorm';
import { AgreementsService } from './agreements.service';

/** The expiry sweep works in bounded batches, one short transaction each, reporting progress between them. */
describe('agreement expiry sweep', () => {
  function setup(due: number) {
    let left = Array.from({ length: due }, (_, i) => `a${i}`);
    const log: string[] = [];
    const manager = {} as EntityManager;
    const db = {
      // DataSource.transaction([isolation level,] work): the work is the last argument.
      transaction: async (...args: unknown[]) => {
        const work = args[args.length - 1] as (m: EntityManager) => Promise<unknown>;
        log.push('begin');
        const r = await work(manager);
        log.push('commit');
        return r;
      },
    } as unknown as DataSource;
    const repo = {
      countExpired: async () => left.length,
      expireBatch: async (_m: EntityManager, _day: string, limit: number) => {
        const batch = left.slice(0, limit);
        left = left.slice(limit);
        log.push(`expire ${batch.length}`);
        return batch;
      },
    };
    const audit = { record: async () => undefined };
    const service = new AgreementsService(
      db,
      repo as never,
      {} as never,
      {} as never,
      {} as never,
      {} as never,
      audit as never,
      {} as never,
    );
    return { service, log };
  }

  it('expires everything due in batches, committing each batch before reporting progress', async () => {
    const { service, log } = setup(5);
    const ids = await service.sweepExpired('2030-01-01', async (p, t) => void log.push(`progress ${p}/${t}`), 2);
    expect(ids).toEqual(['a0', 'a1', 'a2', 'a3', 'a4']);
    expect(log).toEqual([
      ...['begin', 'expire 2', 'commit', 'progress 2/5'],
      ...['begin', 'expire 2', 'commit', 'progress 4/5'],
      ...['begin', 'expire 1', 'commit', 'progress 5/5'],
    ]);
  });

  it('does one empty batch when nothing is due', async () => {
    const { service, log } = setup(0);
    expect(await service.sweepExpired('2030-01-01', undefined, 2)).toEqual([]);
    expect(log).toEqual(['begin', 'expire 0', 'commit']);
  });
});

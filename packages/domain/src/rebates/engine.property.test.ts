import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Dec } from '../common/money.js';
import { achievementOf, allocate, computeRebate, whatIf, type BasisLine } from './engine.js';
import { statementEntries, type LedgerEntry } from './ledger.js';
import { RebateProgrammeSchema, type RebateProgramme } from './rebates.schemas.js';

/** Property tests of the rebate engine (DOMAIN §7): every generated programme goes through the schema. */

const RUNS = { numRuns: 300 };

/** A non-negative amount with two decimals, as a string (cents up to `max`). */
const cents = (max = 2_000_000_00) => fc.integer({ min: 0, max }).map((c) => new Dec(c).div(100).toFixed(2));

/** Strictly ascending integers, then non-decreasing rates with two decimals. */
const tiersArb = fc.uniqueArray(fc.integer({ min: 1, max: 200 }), { minLength: 1, maxLength: 5 }).chain((froms) =>
  fc.array(fc.integer({ min: 0, max: 1500 }), { minLength: froms.length, maxLength: froms.length }).map((rates) => {
    const f = [...froms].sort((a, b) => a - b);
    const r = [...rates].sort((a, b) => a - b);
    return f.map((from, i) => ({ fromPercent: String(from), ratePercent: new Dec(r[i]).div(100).toFixed(2) }));
  }),
);

const capArb = fc.option(cents(50_000_00), { nil: null });

const attainmentArb = (method?: 'retroactive' | 'incremental') =>
  fc
    .record({
      method: method ? fc.constant(method) : fc.constantFrom('retroactive' as const, 'incremental' as const),
      thresholdPercent: fc.integer({ min: 0, max: 150 }).map(String),
      tiers: tiersArb,
      capAmount: capArb,
    })
    .map((p) => RebateProgrammeSchema.parse({ kind: 'attainment', ...p }));

const volumeArb = fc
  .record({
    bands: tiersArb.map((ts) =>
      ts.map((t) => ({ fromVolume: new Dec(t.fromPercent).times(10_000).toFixed(), discountPercent: t.ratePercent })),
    ),
    capAmount: capArb,
  })
  .map((p) => RebateProgrammeSchema.parse({ kind: 'volume_pricing', ...p }));

const programmeArb: fc.Arbitrary<RebateProgramme> = fc.oneof(attainmentArb(), volumeArb);
const quotaArb = cents(5_000_000_00).filter((q) => q !== '0.00');
const lineArb = fc.record({
  amount: cents(),
  share: fc.option(
    fc.integer({ min: 1, max: 100 }).map((s) => new Dec(s).div(100).toFixed(2)),
    { nil: undefined },
  ),
  coefficient: fc.option(
    fc.integer({ min: 0, max: 300 }).map((c) => new Dec(c).div(100).toFixed(2)),
    { nil: undefined },
  ),
});
const linesArb = fc.array(lineArb, { maxLength: 8 }).map((ls) => ls.map((l, i): BasisLine => ({ id: `line-${i}`, ...l })));

const d = (s: string) => new Dec(s);

describe('rebate engine — properties', () => {
  it('every generated programme is valid and earned is a non-negative amount in cents', () => {
    fc.assert(
      fc.property(programmeArb, quotaArb, linesArb, (programme, quota, lines) => {
        const r = computeRebate({ programme, quota, lines });
        expect(r.earned).toMatch(/^\d+\.\d{2}$/);
        expect(r.payable).toBe(r.earned);
      }),
      RUNS,
    );
  });

  it('earns nothing below the threshold', () => {
    fc.assert(
      fc.property(attainmentArb(), quotaArb, linesArb, (programme, quota, lines) => {
        if (programme.kind !== 'attainment') return;
        const r = computeRebate({ programme, quota, lines });
        const threshold = d(programme.thresholdPercent).times(quota).div(100);
        if (achievementOf(lines).lt(threshold)) {
          expect(r.earned).toBe('0.00');
          expect(r.tierIndex).toBeNull();
          expect(r.allocation.every((a) => a.amount === '0.00')).toBe(true);
        }
      }),
      RUNS,
    );
  });

  it('is monotone in volume: adding a line never lowers earned', () => {
    fc.assert(
      fc.property(programmeArb, quotaArb, linesArb, lineArb, (programme, quota, lines, extra) => {
        const before = computeRebate({ programme, quota, lines });
        const after = computeRebate({ programme, quota, lines: [...lines, { id: 'extra', ...extra }] });
        expect(d(after.earned).gte(before.earned)).toBe(true);
      }),
      RUNS,
    );
  });

  it('retroactive ≥ incremental for the same tiers, quota and lines', () => {
    fc.assert(
      fc.property(attainmentArb('retroactive'), quotaArb, linesArb, (retro, quota, lines) => {
        const incr = RebateProgrammeSchema.parse({ ...retro, method: 'incremental' });
        const r = computeRebate({ programme: retro, quota, lines });
        const i = computeRebate({ programme: incr, quota, lines });
        expect(d(r.earned).gte(i.earned)).toBe(true);
        expect(r.tierIndex).toBe(i.tierIndex);
      }),
      RUNS,
    );
  });

  it('respects the cap', () => {
    fc.assert(
      fc.property(programmeArb, quotaArb, linesArb, (programme, quota, lines) => {
        const r = computeRebate({ programme, quota, lines });
        if (programme.capAmount !== null) {
          expect(d(r.earned).lte(programme.capAmount)).toBe(true);
          expect(r.capped).toBe(d(r.uncapped).gt(programme.capAmount));
        } else expect(r.capped).toBe(false);
      }),
      RUNS,
    );
  });

  it("a split's shares sum to the whole: shares s and 1 − s of one amount achieve exactly that amount", () => {
    fc.assert(
      fc.property(
        programmeArb,
        quotaArb,
        cents(),
        fc.integer({ min: 0, max: 10_000 }),
        linesArb,
        (programme, quota, amount, bp, others) => {
          const s = new Dec(bp).div(10_000).toFixed();
          const rest = new Dec(1).minus(s).toFixed();
          const split = [...others, { id: 'a', amount, share: s }, { id: 'b', amount, share: rest }];
          const whole = [...others, { id: 'w', amount }];
          expect(achievementOf(split).eq(achievementOf(whole))).toBe(true);
          expect(computeRebate({ programme, quota, lines: split }).earned).toBe(computeRebate({ programme, quota, lines: whole }).earned);
        },
      ),
      RUNS,
    );
  });

  it('allocation sums exactly to earned, one part per line, none negative', () => {
    fc.assert(
      fc.property(programmeArb, quotaArb, linesArb, (programme, quota, lines) => {
        const r = computeRebate({ programme, quota, lines });
        expect(r.allocation.map((a) => a.lineId)).toEqual(lines.map((l) => l.id));
        if (!lines.length) return;
        expect(r.allocation.reduce((acc, a) => acc.plus(a.amount), new Dec(0)).toFixed(2)).toBe(r.earned);
        for (const a of r.allocation) {
          expect(a.amount).toMatch(/^\d+\.\d{2}$/);
          expect(d(a.amount).gte(0)).toBe(true);
        }
      }),
      RUNS,
    );
  });

  it('allocation never goes negative on tiny totals over many equal lines', () => {
    // 6 lines of 0.50 at a 1 % band earn 0.03; each exact part is 0.005 (rounds up to 0.01).
    const programme = RebateProgrammeSchema.parse({ kind: 'volume_pricing', bands: [{ fromVolume: '0', discountPercent: '1' }] });
    const lines = Array.from({ length: 6 }, (_, i) => ({ id: `l${i}`, amount: '0.50' }));
    const r = computeRebate({ programme, quota: '0', lines });
    expect(r.earned).toBe('0.03');
    expect(r.allocation.every((a) => d(a.amount).gte(0))).toBe(true);
    expect(r.allocation.reduce((acc, a) => acc.plus(a.amount), new Dec(0)).toFixed(2)).toBe('0.03');
  });

  it('allocate: any cent total over any non-negative lines — exact sum, no negative part, the remainder under a cent per line', () => {
    fc.assert(
      fc.property(cents(1_000), fc.array(cents(1_000), { minLength: 1, maxLength: 12 }), (total, amounts) => {
        const lines = amounts.map((amount, i) => ({ id: `l${i}`, amount }));
        const parts = allocate(total, lines);
        expect(parts.reduce((acc, a) => acc.plus(a.amount), new Dec(0)).toFixed(2)).toBe(total);
        const sum = achievementOf(lines);
        parts.forEach((p, i) => {
          expect(d(p.amount).gte(0)).toBe(true);
          if (!sum.isZero()) expect(d(p.amount).minus(d(total).times(lines[i].amount).div(sum)).abs().lt('0.01')).toBe(true);
        });
      }),
      { numRuns: 1000 },
    );
  });

  it('payable = earned − already settled', () => {
    fc.assert(
      fc.property(programmeArb, quotaArb, linesArb, cents(), (programme, quota, lines, settled) => {
        const r = computeRebate({ programme, quota, lines, alreadySettled: settled });
        expect(r.payable).toBe(d(r.earned).minus(settled).toFixed(2));
        expect(r.alreadySettled).toBe(settled);
      }),
      RUNS,
    );
  });

  it('reaching a higher tier late pays only the difference, never the whole again', () => {
    fc.assert(
      fc.property(programmeArb, quotaArb, linesArb, linesArb, (programme, quota, first, later) => {
        const early = computeRebate({ programme, quota, lines: first });
        const more = [...first, ...later.map((l) => ({ ...l, id: `later-${l.id}` }))];
        const late = computeRebate({ programme, quota, lines: more, alreadySettled: early.earned });
        expect(late.payable).toBe(d(late.earned).minus(early.earned).toFixed(2));
        expect(d(late.payable).gte(0)).toBe(true);
        // Total paid over both settlements is exactly what the period earned.
        expect(d(early.earned).plus(late.payable).toFixed(2)).toBe(late.earned);
      }),
      RUNS,
    );
  });

  it('statementEntries is idempotent: applying its entries, a second run adds nothing', () => {
    fc.assert(
      fc.property(programmeArb, quotaArb, linesArb, linesArb, (programme, quota, lines1, lines2) => {
        const ledger: LedgerEntry[] = [];
        const run = (lines: BasisLine[], day: string) => {
          const entries = statementEntries(ledger, computeRebate({ programme, quota, lines }).allocation, new Set(), day);
          ledger.push(...entries);
          return entries;
        };
        run(lines1, '2026-04-01');
        expect(run(lines1, '2026-04-02')).toEqual([]);
        // A changed basis converges too: one run books the difference, the next adds nothing.
        const r2 = computeRebate({ programme, quota, lines: lines2 });
        run(lines2, '2026-04-03');
        expect(run(lines2, '2026-04-04')).toEqual([]);
        const held = ledger.reduce((acc, e) => acc.plus(e.amount), new Dec(0)).toFixed(2);
        expect(held).toBe(lines2.length ? r2.earned : '0.00');
      }),
      RUNS,
    );
  });

  it('a line removed after it was paid yields exactly one clawback over repeated runs', () => {
    fc.assert(
      fc.property(programmeArb, quotaArb, linesArb, fc.nat(), fc.integer({ min: 1, max: 4 }), (programme, quota, lines, pick, reruns) => {
        if (!lines.length) return;
        const removed = lines[pick % lines.length];
        const ledger: LedgerEntry[] = [];
        const first = computeRebate({ programme, quota, lines });
        ledger.push(...statementEntries(ledger, first.allocation, new Set(), '2026-04-01'));
        const paidPart = first.allocation.find((a) => a.lineId === removed.id)!.amount;
        const paid = new Set(lines.map((l) => l.id));
        const rest = lines.filter((l) => l.id !== removed.id);
        const clawbacks: LedgerEntry[] = [];
        for (let i = 0; i < reruns + 1; i++) {
          const entries = statementEntries(ledger, computeRebate({ programme, quota, lines: rest }).allocation, paid, `2026-07-0${i + 1}`);
          ledger.push(...entries);
          clawbacks.push(...entries.filter((e) => e.lineId === removed.id));
        }
        if (paidPart === '0.00') expect(clawbacks).toEqual([]);
        else {
          expect(clawbacks).toHaveLength(1);
          expect(clawbacks[0]).toMatchObject({ kind: 'clawback', amount: d(paidPart).neg().toFixed(2) });
        }
      }),
      RUNS,
    );
  });

  it('whatIf: increase = after.earned − before.earned and never negative', () => {
    fc.assert(
      fc.property(programmeArb, quotaArb, linesArb, cents(), (programme, quota, lines, amount) => {
        const w = whatIf({ programme, quota, lines }, amount);
        expect(w.increase).toBe(d(w.after.earned).minus(w.before.earned).toFixed(2));
        expect(d(w.increase).gte(0)).toBe(true);
        expect(w.before).toEqual(computeRebate({ programme, quota, lines }));
      }),
      RUNS,
    );
  });
});

import type { INestApplication } from '@nestjs/common';
import {
  addDays,
  defaultRatingPeriod,
  IncidentListSchema,
  IncidentSchema,
  RenewalReviewDetailSchema,
  VendorRatingSummarySchema,
} from '@partnerline/domain';
import { businessToday } from '../../src/common/time';
import { IncidentsService } from '../../src/modules/partners/incidents.service';
import { demoIds, insertAgreement } from '../support/fixtures';
import { api, createTestApp, dataSourceOf, loginAs } from '../support/test-app';

const plus = (n: number) => addDays(businessToday(), n);

/**
 * Issue #15, incidents and the vendor rating: vendor staff read a partner's incidents, admins and channel managers
 * record them (not in the future, audited), partners never reach them; the vendor-rating summary hides everything below
 * five responding partners and shows exact figures from five. The rating rows of the threshold tests are written
 * straight into the test database (their own renewal reviews and self-assessments, dated in 2001 so no other file's
 * ratings fall in the period); one self-assessment goes through the API to show the summary reads what partners submit.
 */
describe('partner incidents and the vendor-rating summary', () => {
  let app: INestApplication;
  let admin: string;
  let manager: string;
  let leader: string;
  let ids: Awaited<ReturnType<typeof demoIds>>;
  let partner: { id: string; admin: string; user: string };
  const stamp = Date.now().toString(36).toUpperCase();
  const db = () => dataSourceOf(app);
  let seq = 0;

  async function insertPartner(slug: string): Promise<string> {
    const [p] = await db().query(
      `INSERT INTO partners (name, name_en, type, status, tax_id, tax_id_kind, approved_at, manager_id) VALUES ($1, $2, 'smb', 'active', $3, 'other', now(), $4) RETURNING id`,
      [`评价测试${slug}${stamp}`, `${slug} rating test Ltd.`, `V${slug}${stamp}`.slice(0, 18), ids.manager],
    );
    return p.id as string;
  }

  async function partnerWithUsers(slug: string) {
    const id = await insertPartner(slug);
    const [{ password_hash }] = await db().query(`SELECT password_hash FROM users WHERE email = 'owner@jinshi.demo'`);
    const emails: string[] = [];
    for (const role of ['partner_admin', 'partner_user']) {
      const email = `${role.replace('_', '-')}-${slug.toLowerCase()}-${stamp.toLowerCase()}@rating-test.demo`;
      await db().query(
        `INSERT INTO users (email, password_hash, display_name, role, partner_id, locale) VALUES ($1, $2, $3, $4, $5, 'en')`,
        [email, password_hash, `${slug} ${role}`, role, id],
      );
      emails.push(email);
    }
    return { id, admin: await loginAs(app, emails[0]), user: await loginAs(app, emails[1]) };
  }

  /** A partner of its own with a decided-or-open review and its self-assessment (rating) submitted on `on`. */
  async function rating(on: string, r: { product: number; likely: number; comments?: string | null; partnerId?: string }) {
    const partnerId = r.partnerId ?? (await insertPartner(`R${++seq}`));
    const agreementId = await insertAgreement(db(), {
      partnerId,
      startDate: '2000-01-01',
      endDate: addDays(on, 30),
      createdBy: ids.admin,
      approvedBy: ids.admin,
      withScopes: false,
      terms: { evaluationPeriod: 'quarter', quotaPerPeriod: '100000.00', renewalThresholdPercent: 80 },
    });
    const [review] = await db().query(
      // Escalated already and the agreement expired: no other file's sweep of any day picks these up.
      `INSERT INTO renewal_reviews (agreement_id, partner_id, end_date, decide_by, opened_on, escalated_at) VALUES ($1, $2, $3, $3, $4, now()) RETURNING id`,
      [agreementId, partnerId, addDays(on, 30), on],
    );
    await db().query(`UPDATE agreements SET status = 'expired' WHERE id = $1`, [agreementId]);
    await db().query(
      `INSERT INTO renewal_self_assessments (review_id, partner_id, went_well, plan, competition_declaration, will_renew,
         rating_product, rating_competitiveness, rating_margin, rating_training, rating_support, likely_to_recommend, comments, submitted_by, submitted_on)
       VALUES ($1, $2, 'ok', 'more', 'no_competing_products', true, $3, 3, 2, 5, 4, $4, $5, $6, $7)`,
      [review.id, partnerId, r.product, r.likely, r.comments ?? null, ids.huaxinOwner, on],
    );
    return partnerId;
  }

  const summary = (token: string, query = '') => api(app, token).get(`/api/vendor-ratings${query}`);

  beforeAll(async () => {
    app = await createTestApp();
    [admin, manager, leader] = await Promise.all([
      loginAs(app, 'admin@partnerline.demo'),
      loginAs(app, 'manager@partnerline.demo'),
      loginAs(app, 'leader@partnerline.demo'),
    ]);
    ids = await demoIds(db());
    partner = await partnerWithUsers('P');
  });
  afterAll(() => app.close());

  describe('incidents', () => {
    const incident = {
      occurredOn: plus(-3),
      severity: 'major',
      category: 'complaint',
      summary: 'Customer escalation about a late install',
    };

    it('a channel manager records one (201, audited); vendor staff read them newest first', async () => {
      const res = await api(app, manager).post(`/api/partners/${partner.id}/incidents`).send(incident);
      expect(res.status).toBe(201);
      const created = IncidentSchema.parse(res.body);
      expect(created).toMatchObject({ ...incident, partnerId: partner.id, recordedBy: { id: ids.manager } });
      const [audit] = await db().query(
        `SELECT action, after FROM audit_log WHERE entity = 'partner' AND entity_id = $1 AND action = 'partner.incident_recorded'`,
        [partner.id],
      );
      expect(audit.after).toMatchObject({ incidentId: created.id, severity: 'major', category: 'complaint', occurredOn: plus(-3) });

      const older = await api(app, admin)
        .post(`/api/partners/${partner.id}/incidents`)
        .send({ ...incident, occurredOn: plus(-40), severity: 'minor', category: 'service', summary: 'Slow ticket answer' });
      expect(older.status).toBe(201);
      // Today is allowed (the business date).
      const today = await api(app, admin)
        .post(`/api/partners/${partner.id}/incidents`)
        .send({ ...incident, occurredOn: plus(0), severity: 'critical', category: 'compliance', summary: '  Licence breach  ' });
      expect(today.status).toBe(201);
      expect(today.body.summary).toBe('Licence breach');

      for (const token of [leader, manager, admin]) {
        const list = await api(app, token).get(`/api/partners/${partner.id}/incidents`);
        expect(list.status).toBe(200);
        const { items } = IncidentListSchema.parse(list.body);
        expect(items.map((i) => i.occurredOn)).toEqual([plus(0), plus(-3), plus(-40)]);
        expect(items.every((i) => i.partnerId === partner.id)).toBe(true);
      }
    });

    it('inTerm gives the incidents of the partner within the dates, bounds included, oldest first', async () => {
      const service = app.get(IncidentsService);
      expect((await service.inTerm(partner.id, plus(-40), plus(-3))).map((i) => i.occurredOn)).toEqual([plus(-40), plus(-3)]);
      expect((await service.inTerm(partner.id, plus(-39), plus(-1))).map((i) => i.severity)).toEqual(['major']);
      expect(await service.inTerm(ids.lanting, '2001-01-01', '2001-12-31')).toEqual([]);
    });

    it('leadership and partners cannot record; partners cannot read (their own incidents reach them only as review evidence)', async () => {
      expect((await api(app, leader).post(`/api/partners/${partner.id}/incidents`).send(incident)).status).toBe(403);
      expect((await api(app, partner.admin).post(`/api/partners/${partner.id}/incidents`).send(incident)).status).toBe(403);
      expect((await api(app, partner.admin).get(`/api/partners/${partner.id}/incidents`)).status).toBe(403);
      expect((await api(app, partner.user).get(`/api/partners/${partner.id}/incidents`)).status).toBe(403);
      expect((await api(app, partner.admin).get(`/api/partners/${ids.huaxin}/incidents`)).status).toBe(403);
      expect((await api(app).get(`/api/partners/${partner.id}/incidents`)).status).toBe(401);
    });

    it('refuses bad input with a 4xx: future date (422 with a code), bad fields (400), unknown partner (404)', async () => {
      const future = await api(app, manager)
        .post(`/api/partners/${partner.id}/incidents`)
        .send({ ...incident, occurredOn: plus(1) });
      expect(future.status).toBe(422);
      expect(future.body.code).toBe('RENEWAL_INCIDENT_IN_FUTURE');
      for (const bad of [
        { ...incident, severity: 'catastrophic' },
        { ...incident, category: 'gossip' },
        { ...incident, summary: '   ' },
        { ...incident, occurredOn: '2026-02-30' },
        { ...incident, occurredOn: 'yesterday' },
        { severity: 'minor' },
        { ...incident, summary: 'x'.repeat(4001) },
      ]) {
        const res = await api(app, manager).post(`/api/partners/${partner.id}/incidents`).send(bad);
        expect([res.status, bad]).toEqual([400, bad]);
      }
      expect((await api(app, manager).post(`/api/partners/not-a-uuid/incidents`).send(incident)).status).toBe(400);
      const unknown = '00000000-0000-4000-8000-000000000000';
      expect((await api(app, manager).post(`/api/partners/${unknown}/incidents`).send(incident)).status).toBe(404);
      expect((await api(app, leader).get(`/api/partners/${unknown}/incidents`)).status).toBe(404);
      const [{ n }] = await db().query(`SELECT count(*)::int AS n FROM partner_incidents WHERE partner_id = $1`, [partner.id]);
      expect(n).toBe(3);
    });
  });

  describe('vendor ratings', () => {
    const YEAR = '?from=2001-01-01&to=2001-12-31';

    it('hides everything below five responding partners, shows exact figures at five, per quarter too', async () => {
      // Four partners in Q1 2001 (one answers twice: still four respondents).
      const first = await rating('2001-02-01', { product: 5, likely: 10, comments: 'Great product' });
      await rating('2001-02-10', { product: 4, likely: 9 });
      await rating('2001-03-01', { product: 4, likely: 8, comments: 'Margins are thin' });
      await rating('2001-03-20', { product: 4, likely: 6 });
      await rating('2001-03-25', { product: 3, likely: 2, partnerId: first });

      let res = await summary(manager, YEAR);
      expect(res.status).toBe(200);
      let s = VendorRatingSummarySchema.parse(res.body);
      expect(s).toMatchObject({
        from: '2001-01-01',
        to: '2001-12-31',
        respondents: 4,
        minimumRespondents: 5,
        shown: false,
        averages: null,
        nps: null,
        comments: [],
      });
      expect(s.trend.map((q) => [q.quarter, q.respondents, q.averages, q.nps])).toEqual([
        ['2001-Q1', 4, null, null],
        ['2001-Q2', 0, null, null],
        ['2001-Q3', 0, null, null],
        ['2001-Q4', 0, null, null],
      ]);
      // No comment text leaks while hidden.
      expect(JSON.stringify(res.body)).not.toContain('Great product');

      // The fifth partner (Q1 too): shown, exact. product (5+4+4+4+3+4)/6 = 4.0; competitiveness 3, margin 2, training 5, support 4.
      await rating('2001-03-31', { product: 4, likely: 7, comments: 'Training helps' });
      res = await summary(leader, YEAR);
      expect(res.status).toBe(200);
      s = VendorRatingSummarySchema.parse(res.body);
      expect(s).toMatchObject({ respondents: 5, shown: true });
      expect(s.averages).toEqual({ product: '4.0', competitiveness: '3.0', margin: '2.0', training: '5.0', support: '4.0' });
      // likelihoods 10, 9, 8, 6, 2, 7: promoters 2, passives 2, detractors 2 → 0.
      expect(s.nps).toEqual({ score: 0, promoters: 2, passives: 2, detractors: 2 });
      expect(s.comments).toEqual([
        { text: 'Training helps', submittedOn: '2001-03-31' },
        { text: 'Margins are thin', submittedOn: '2001-03-01' },
        { text: 'Great product', submittedOn: '2001-02-01' },
      ]);
      expect(JSON.stringify(res.body)).not.toContain('评价测试');
      expect(s.trend[0]).toMatchObject({ quarter: '2001-Q1', respondents: 5, averages: { product: '4.0' }, nps: { score: 0 } });

      // One more partner in Q2: the year shows it (product 4.1 = 29/7 rounded), Q2 alone stays hidden.
      await rating('2001-05-05', { product: 5, likely: 9 });
      s = VendorRatingSummarySchema.parse((await summary(admin, YEAR)).body);
      expect(s.respondents).toBe(6);
      expect(s.averages?.product).toBe('4.1');
      expect(s.nps).toEqual({ score: 14, promoters: 3, passives: 2, detractors: 2 }); // 100/7 = 14.29
      expect(s.trend[1]).toEqual({ quarter: '2001-Q2', respondents: 1, averages: null, nps: null });

      // The period bounds are inclusive: Q1 only.
      s = VendorRatingSummarySchema.parse((await summary(admin, '?from=2001-02-01&to=2001-03-31')).body);
      expect(s.respondents).toBe(5);
      s = VendorRatingSummarySchema.parse((await summary(admin, '?from=2001-02-02&to=2001-03-31')).body);
      expect(s).toMatchObject({ respondents: 5, shown: true }); // the first partner answered again on 03-25
      s = VendorRatingSummarySchema.parse((await summary(admin, '?from=2001-02-02&to=2001-03-30')).body);
      expect(s).toMatchObject({ respondents: 4, shown: false });
    });

    it('reads what a partner admin submits through the self-assessment (default period: the last twelve months)', async () => {
      const before = VendorRatingSummarySchema.parse((await summary(manager)).body);
      expect(before.to).toBe(businessToday());
      expect(before.from).toBe(defaultRatingPeriod(businessToday()).from);
      const agreementId = await insertAgreement(db(), {
        partnerId: partner.id,
        startDate: plus(-300),
        endDate: plus(30),
        createdBy: ids.admin,
        approvedBy: ids.admin,
        withScopes: false,
        terms: { evaluationPeriod: 'quarter', quotaPerPeriod: '100000.00', renewalThresholdPercent: 80 },
      });
      const opened = await api(app, manager).post('/api/renewal-reviews').send({ agreementId });
      expect(opened.status).toBe(201);
      const review = RenewalReviewDetailSchema.parse(opened.body);
      const res = await api(app, partner.admin)
        .post(`/api/renewal-reviews/${review.id}/self-assessment`)
        .send({
          wentWell: 'Steady wins',
          plan: 'More presales',
          proposedQuota: null,
          competitionDeclaration: 'no_competing_products',
          competingProducts: null,
          willRenew: true,
          rating: { product: 5, competitiveness: 5, margin: 5, training: 5, support: 5, likelyToRecommend: 10, comments: null },
        });
      expect(res.status).toBeLessThan(300);
      const after = VendorRatingSummarySchema.parse((await summary(manager)).body);
      expect(after.respondents).toBe(before.respondents + 1);
      // The review's own service evidence carries the incidents recorded above (in the term).
      const detail = RenewalReviewDetailSchema.parse((await api(app, manager).get(`/api/renewal-reviews/${review.id}`)).body);
      expect(detail.evidence.service.map((e) => e.date)).toEqual([plus(-40), plus(-3), plus(0)]);
      // The partner sees them only in its review.
      const own = await api(app, partner.admin).get(`/api/renewal-reviews/${review.id}`);
      expect(own.status).toBe(200);
      expect(RenewalReviewDetailSchema.parse(own.body).facts.incidents).toHaveLength(3);
    });

    it('vendor staff only; bad periods are 4xx', async () => {
      expect((await summary(partner.admin)).status).toBe(403);
      expect((await summary(partner.user)).status).toBe(403);
      expect((await api(app).get('/api/vendor-ratings')).status).toBe(401);
      const reversed = await summary(manager, '?from=2001-12-31&to=2001-01-01');
      expect(reversed.status).toBe(422);
      expect(reversed.body.code).toBe('RENEWAL_RATINGS_RANGE_INVALID');
      for (const q of ['?from=2001-13-01', '?to=yesterday', '?from=2001-02-30&to=2001-03-01']) {
        expect([(await summary(manager, q)).status, q]).toEqual([400, q]);
      }
      // Only `to`: the twelve months before it.
      const s = VendorRatingSummarySchema.parse((await summary(manager, '?to=2001-12-31')).body);
      expect(s).toMatchObject({ from: '2001-01-01', to: '2001-12-31', respondents: 6 });
    });
  });
});

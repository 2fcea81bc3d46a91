import type { INestApplication } from '@nestjs/common';
import { api, createTestApp, loginAs } from '../support/test-app';

type AdminHome = { partners: Record<'applied' | 'screening' | 'trial' | 'active', number>; registrationsInReview: number; openConflicts: number; overdueReviews: number; newSupportRequests: number };
type PortalHome = {
  activeAgreements: number;
  coursesInProgress: number;
  certificatesExpiring: number;
  openSupportRequests: number;
  registrations: { open: number; protectionExpiring: number; needingAction: number };
};

describe('reporting: home-page counts', () => {
  let app: INestApplication;
  let admin: string;
  let leader: string;
  let huaxinOwner: string;
  let huaxinSales: string;
  let lantingOwner: string;

  beforeAll(async () => {
    app = await createTestApp();
    [admin, leader, huaxinOwner, huaxinSales, lantingOwner] = await Promise.all(
      ['admin@partnerline.demo', 'leader@partnerline.demo', 'owner@huaxin.demo', 'sales@huaxin.demo', 'owner@lanting.demo'].map((e) => loginAs(app, e)),
    );
  });
  afterAll(() => app.close());

  const adminHome = async (token: string) => (await api(app, token).get('/api/reporting/home').expect(200)).body as AdminHome;
  const portalHome = async (token: string) => (await api(app, token).get('/api/reporting/portal-home').expect(200)).body as PortalHome;

  it('gives the vendor home the same counts as the queues it opens', async () => {
    const home = await adminHome(admin);
    for (const status of ['applied', 'screening', 'trial', 'active'] as const) {
      const page = (await api(app, admin).get(`/api/partners?status=${status}&page=1&pageSize=1`).expect(200)).body;
      expect(home.partners[status]).toBe(page.total);
    }
    expect(home.registrationsInReview).toBe((await api(app, admin).get('/api/deal-registrations?status=in_review&page=1&pageSize=1').expect(200)).body.total);
    expect(home.openConflicts).toBe((await api(app, admin).get('/api/conflicts?status=open').expect(200)).body.length);
    expect(home.overdueReviews).toBe((await api(app, admin).get('/api/qualification-reviews?overdue=true').expect(200)).body.length);
    expect(home.newSupportRequests).toBe((await api(app, admin).get('/api/support-requests?status=open').expect(200)).body.length);
    expect(home.partners.active).toBeGreaterThan(0);
    // Leadership reads the same vendor-wide counts.
    expect(await adminHome(leader)).toEqual(home);
  });

  it('gives a partner the counts of its own organisation only', async () => {
    const huaxin = await portalHome(huaxinOwner);
    const agreements = (await api(app, huaxinOwner).get('/api/agreements?pageSize=200').expect(200)).body.items as { status: string }[];
    expect(huaxin.activeAgreements).toBe(agreements.filter((a) => a.status === 'active').length);
    expect(huaxin.activeAgreements).toBeGreaterThan(0);
    const certificates = (await api(app, huaxinOwner).get('/api/certifications').expect(200)).body as { status: string }[];
    expect(huaxin.certificatesExpiring).toBe(certificates.filter((c) => c.status === 'expiring').length);
    const support = (await api(app, huaxinOwner).get('/api/support-requests').expect(200)).body as { status: string }[];
    expect(huaxin.openSupportRequests).toBe(support.filter((r) => r.status !== 'closed').length);

    // A new support request by 兰亭 counts for 兰亭, never for 华信.
    const lantingBefore = await portalHome(lantingOwner);
    await api(app, lantingOwner).post('/api/support-requests').send({ kind: 'technical_question', subject: '报表计数', body: '只算本机构。' }).expect(201);
    expect((await portalHome(lantingOwner)).openSupportRequests).toBe(lantingBefore.openSupportRequests + 1);
    expect((await portalHome(huaxinOwner)).openSupportRequests).toBe(huaxin.openSupportRequests);
    // …and it reaches the vendor home as a new request.
    const home = await adminHome(admin);
    expect(home.newSupportRequests).toBe((await api(app, admin).get('/api/support-requests?status=open').expect(200)).body.length);
  });

  it('counts the caller’s own courses in progress', async () => {
    const before = await portalHome(huaxinSales);
    const courses = (await api(app, huaxinSales).get('/api/courses').expect(200)).body as { id: string; enrolment: { status: string } | null }[];
    expect(before.coursesInProgress).toBe(courses.filter((c) => c.enrolment?.status === 'in_progress').length);
    const fresh = courses.find((c) => !c.enrolment)!;
    await api(app, huaxinSales).post(`/api/courses/${fresh.id}/enrolments`).send({}).expect(201);
    expect((await portalHome(huaxinSales)).coursesInProgress).toBe(before.coursesInProgress + 1);
    // The partner admin's own count does not include a team member's enrolment.
    const owner = await portalHome(huaxinOwner);
    const ownerCourses = (await api(app, huaxinOwner).get('/api/courses').expect(200)).body as { enrolment: { status: string } | null }[];
    expect(owner.coursesInProgress).toBe(ownerCourses.filter((c) => c.enrolment?.status === 'in_progress').length);
  });

  it('counts the partner’s registrations: open, protection expiring, drafts needing action', async () => {
    const home = await portalHome(huaxinOwner);
    const total = async (status: string) => (await api(app, huaxinOwner).get(`/api/deal-registrations?status=${status}&page=1&pageSize=1`).expect(200)).body.total as number;
    expect(home.registrations.needingAction).toBe(await total('draft'));
    const open = (await total('submitted')) + (await total('in_review')) + (await total('in_conflict')) + (await total('approved'));
    expect(home.registrations.open).toBe(open);
    expect(home.registrations.protectionExpiring).toBeLessThanOrEqual(await total('approved'));
  });

  it('keeps each home to its own side', async () => {
    expect((await api(app, huaxinOwner).get('/api/reporting/home')).status).toBe(403);
    expect((await api(app, admin).get('/api/reporting/portal-home')).status).toBe(403);
    expect((await api(app).get('/api/reporting/home')).status).toBe(401);
  });
});

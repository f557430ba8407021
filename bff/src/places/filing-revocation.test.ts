import { ManualClock } from '../core/clock';
import { errorCode, startTestApp, type TestApp } from '../../test/test-app';
import { storedDocument } from '../../test/fixture-kit';
import { FilingModel } from '../filings/filing.model';
import { PlacesKit, visitsSnapshot } from './places-test-kit';
import { PlaceModel } from './place.model';
import { placeJobs } from './jobs';
import { runOnce } from '../jobs/scheduler';
import { pauseAround } from '../../test/pause';

/**
 * Revoking a resumption filing (撤销备案, district staff only) revokes its
 * enterprise's place: the printed code is refused at the door, the certificate
 * stops verifying, and the enterprise may file again.
 */
describe('a revoked filing revokes its place', () => {
  let t: TestApp;
  let kit: PlacesKit;
  const clock = new ManualClock(new Date('2026-03-10T09:00:00+08:00'));

  beforeAll(async () => {
    t = await startTestApp({}, { clock });
    kit = new PlacesKit(t);
  });
  afterAll(() => t.close());

  it('refuses a cadre and a revocation without a reason, changing nothing; then district staff revoke, and the code, the certificate and the place all stop', async () => {
    const filingId = await kit.approveEnterprise1('2026-03-12');
    const place = await kit.place('enterprise-1');
    expect((await kit.scan('resident-1', place.token)).status).toBe(200);
    const certificate = await kit.get('enterprise-1', `/api/enterprise-filings/${filingId}/certificate`);
    expect(certificate.status).toBe(200);
    const view = await kit.get('district-1', `/api/enterprise-filings/${filingId}`);
    expect(view.body.actions).toContain('revoke');
    expect((await kit.get('cadre-1', `/api/enterprise-filings/${filingId}`)).body.actions).not.toContain('revoke');

    const filingBefore = await storedDocument(FilingModel, filingId);
    const placeBefore = await storedDocument(PlaceModel, place.id);
    const byCadre = await kit.post('cadre-1', `/api/enterprise-filings/${filingId}/revoke`, { note: '防控措施未落实' });
    expect([byCadre.status, errorCode(byCadre)]).toEqual([403, 'FORBIDDEN']);
    const noReason = await kit.post('district-1', `/api/enterprise-filings/${filingId}/revoke`, {});
    expect([noReason.status, errorCode(noReason)]).toEqual([400, 'VALIDATION_FAILED']);
    expect(await storedDocument(FilingModel, filingId)).toEqual(filingBefore);
    expect(await storedDocument(PlaceModel, place.id)).toEqual(placeBefore);

    const revoked = await kit.post('district-1', `/api/enterprise-filings/${filingId}/revoke`, { note: '现场检查发现未落实防控措施' });
    expect(revoked.status).toBe(200);
    expect(revoked.body).toMatchObject({ status: 'revoked', revokeReason: '现场检查发现未落实防控措施', actions: [] });
    expect((await PlaceModel.findById(place.id, { status: 1 }).lean())?.status).toBe('revoked');

    const visits = await visitsSnapshot();
    const refused = await kit.scan('resident-2', place.token);
    expect([refused.status, errorCode(refused)]).toEqual([400, 'INVALID_PLACE_CODE']);
    expect(await visitsSnapshot()).toBe(visits);
    const verdict = await kit.post('resident-2', '/api/enterprise-filings/verify-certificate', { token: certificate.body.token });
    expect(verdict.body).toMatchObject({ valid: false, reason: 'revoked' });
    expect((await kit.get('enterprise-1', '/api/places/mine')).status).toBe(404);

    const again = await kit.post('district-1', `/api/enterprise-filings/${filingId}/revoke`, { note: '再次撤销' });
    expect([again.status, errorCode(again)]).toEqual([409, 'CONFLICT']);
  });

  it('leaves no active place for a revoked filing when the sync job makes a lost place while the revocation runs', async () => {
    const sync = placeJobs.find((j) => j.name === 'places.sync')!;
    // Filed again and approved; then its place is lost (the approval hook's write never landed).
    const filingId = await kit.approveEnterprise1('2026-03-20');
    const enterpriseId = String((await FilingModel.findById(filingId, { enterpriseId: 1 }).lean())!.enterpriseId);
    await PlaceModel.deleteOne({ kind: 'enterprise', refId: enterpriseId });
    // The job reads the approved filings; before it makes the missing place, district staff revoke the filing
    // (whose hook finds no place to revoke); then the job goes on and makes it.
    pauseAround(FilingModel, 'find', {
      after: async () => expect((await kit.post('district-1', `/api/enterprise-filings/${filingId}/revoke`, { note: '复查不合格' })).status).toBe(200),
    });
    expect(await runOnce(sync, 'test', clock.now())).toEqual({ ran: true, result: { made: 1, revoked: 1 } });
    expect(await PlaceModel.findOne({ kind: 'enterprise', refId: enterpriseId }, { _id: 0, status: 1 }).lean()).toEqual({ status: 'revoked' });
    expect(await runOnce(sync, 'test', clock.now())).toEqual({ ran: true, result: { made: 0, revoked: 0 } });
  });
});

import { ManualClock } from '../core/clock';
import { errorCode, startTestApp, type TestApp } from '../../test/test-app';
import { MedicalCaseModel } from '../health-code/health-code.model';
import { runOnce } from '../jobs/scheduler';
import { ResidentIdentity } from '../residents/identity.model';
import { pauseAround } from '../../test/pause';
import { ContactDecisionModel } from './contact-decision.model';
import { placeJobs } from './jobs';
import { PlacesKit } from './places-test-kit';

/**
 * Close-contact candidates (时空伴随) of a confirmed case, through HTTP:
 * everyone at the same place within an hour of the case's visits in its
 * 14-day window, masked; confirmed ones turn red (close_contact, source
 * visits), dismissed ones are never proposed again, repeats change nothing.
 */
const CASE_ID_NUMBER = '310115198805120018'; // resident-1, 张伟

describe('close-contact candidates from visits', () => {
  let t: TestApp;
  let kit: PlacesKit;
  const clock = new ManualClock(new Date('2026-03-10T09:00:00+08:00'));
  const ids: Record<string, string> = {};
  let caseId: string;
  let pharmacy: { id: string; name: string; token: string };

  const at = async (openid: string, time: string, token = pharmacy.token) => {
    clock.set(new Date(`2026-03-10T${time}:00+08:00`));
    const scan = await kit.scan(openid, token);
    if (scan.status !== 200) throw new Error(`scan refused: ${scan.status} ${scan.text}`);
  };
  const candidates = () => kit.get('district-1', `/api/health/cases/${caseId}/contact-candidates`);
  const decide = (action: 'confirm' | 'dismiss', userIds: string[]) => kit.post('district-1', `/api/health/cases/${caseId}/contact-candidates/${action}`, { userIds });
  const casesAbout = async () => MedicalCaseModel.countDocuments();
  const idOfCase = async (idNumber: string, status: string) => {
    const list = await kit.get('district-1', `/api/health/cases?idNumber=${idNumber}`);
    return list.body.items.find((c: { status: string }) => c.status === status).id as string;
  };

  beforeAll(async () => {
    t = await startTestApp({}, { clock });
    kit = new PlacesKit(t);
    pharmacy = await kit.place('pharmacy-1');
    const station = await kit.place('cadre-1');
    for (const openid of ['resident-1', 'resident-2', 'resident-3', 'newcomer-contact', 'later-visitor', 'elsewhere']) ids[openid] = await kit.userId(openid);
    await at('resident-3', '08:20'); // 40 minutes before the case
    await at('resident-1', '09:00'); // the case
    await at('resident-2', '09:30');
    await at('newcomer-contact', '09:45'); // no ID number on record
    await at('later-visitor', '10:01'); // 61 minutes after
    await at('elsewhere', '09:05', station.token); // same time, another place
    clock.set(new Date('2026-03-12T10:00:00+08:00'));
    expect((await kit.post('district-1', '/api/health/cases', { idNumber: CASE_ID_NUMBER, status: 'confirmed', date: '2026-03-12' })).status).toBe(201);
    caseId = await idOfCase(CASE_ID_NUMBER, 'confirmed');
  });
  afterAll(() => t.close());

  it('proposes everyone at the same place within the hour, in order of their visit, with masked names', async () => {
    const list = await candidates();
    expect(list.status).toBe(200);
    expect(list.body.items).toEqual([
      { userId: ids['resident-3'], nameMasked: '王*', place: { id: pharmacy.id, name: pharmacy.name }, overlapAt: new Date('2026-03-10T08:20:00+08:00').toISOString(), identified: true },
      { userId: ids['resident-2'], nameMasked: '李*', place: { id: pharmacy.id, name: pharmacy.name }, overlapAt: new Date('2026-03-10T09:30:00+08:00').toISOString(), identified: true },
      { userId: ids['newcomer-contact'], nameMasked: expect.any(String), place: { id: pharmacy.id, name: pharmacy.name }, overlapAt: new Date('2026-03-10T09:45:00+08:00').toISOString(), identified: false },
    ]);
  });

  it('answers 409 for a record that is not a confirmed case and 404 for none, changing nothing', async () => {
    expect((await kit.post('district-1', '/api/health/cases', { idNumber: '310115199203180026', status: 'home_observation', date: '2026-03-12' })).status).toBe(201);
    const observation = await idOfCase('310115199203180026', 'home_observation');
    const before = { cases: await casesAbout(), decisions: await ContactDecisionModel.countDocuments() };
    const notConfirmed = await kit.get('district-1', `/api/health/cases/${observation}/contact-candidates`);
    expect([notConfirmed.status, errorCode(notConfirmed), notConfirmed.body.error.details]).toEqual([409, 'CONFLICT', { currentStatus: 'home_observation' }]);
    const confirmThere = await kit.post('district-1', `/api/health/cases/${observation}/contact-candidates/confirm`, { userIds: [ids['resident-3']] });
    expect([confirmThere.status, errorCode(confirmThere)]).toEqual([409, 'CONFLICT']);
    const none = await kit.get('district-1', '/api/health/cases/0123456789abcdef01234567/contact-candidates');
    expect([none.status, errorCode(none)]).toEqual([404, 'NOT_FOUND']);
    expect((await kit.get('cadre-1', `/api/health/cases/${caseId}/contact-candidates`)).status).toBe(403);
    expect({ cases: await casesAbout(), decisions: await ContactDecisionModel.countDocuments() }).toEqual(before);
  });

  it('confirms a candidate: a close_contact status from visits, and their code turns red', async () => {
    expect((await kit.get('resident-2', '/api/health-code')).body.color).not.toBe('red');
    const confirmed = await decide('confirm', [ids['resident-2'], ids['later-visitor'], ids['newcomer-contact'], '0123456789abcdef01234567']);
    // resident-2 is decided; the newcomer has no ID number on record to hold a status; the other two are no candidates.
    expect(confirmed.body).toEqual({ decided: 1, skipped: 2, unidentified: 1 });
    // Nothing was written for the newcomer, who stays a candidate.
    expect(await ContactDecisionModel.countDocuments({ userId: ids['newcomer-contact'] })).toBe(0);
    expect((await candidates()).body.items.map((c: { userId: string }) => c.userId)).toContain(ids['newcomer-contact']);
    const code = await kit.get('resident-2', '/api/health-code');
    expect(code.body.color).toBe('red');
    expect(code.body.reasons.map((r: { text: string }) => r.text).join('')).toContain('密切接触者');
    const record = await MedicalCaseModel.findOne({ source: 'visits' }).lean();
    expect(record).toMatchObject({ status: 'close_contact', date: '2026-03-12', idMasked: '3101**********0026' });
    expect(record!.note).toContain(pharmacy.name);
    const list = await kit.get('district-1', '/api/health/cases?idNumber=310115199203180026');
    expect(list.body.items[0]).toMatchObject({ status: 'close_contact', source: 'visits' });
  });

  it('makes a repeated confirmation change nothing', async () => {
    const before = { cases: await casesAbout(), decisions: await ContactDecisionModel.countDocuments() };
    expect((await decide('confirm', [ids['resident-2']])).body).toEqual({ decided: 0, skipped: 1, unidentified: 0 });
    expect({ cases: await casesAbout(), decisions: await ContactDecisionModel.countDocuments() }).toEqual(before);
  });

  it('dismisses a candidate, who is never proposed again for this case', async () => {
    expect((await decide('dismiss', [ids['resident-3'], ids['resident-3']])).body).toEqual({ decided: 1, skipped: 0, unidentified: 0 });
    expect((await candidates()).body.items.map((c: { userId: string }) => c.userId)).toEqual([ids['newcomer-contact']]);
    expect((await kit.get('resident-3', '/api/health-code')).body.color).toBe('green');
    expect((await decide('confirm', [ids['resident-3']])).body).toEqual({ decided: 0, skipped: 1, unidentified: 0 });
    expect(await ContactDecisionModel.find({}, { _id: 0, userId: 1, decision: 1 }).lean()).toEqual(
      expect.arrayContaining([expect.objectContaining({ decision: 'dismissed' }), expect.objectContaining({ decision: 'confirmed' })]),
    );
  });

  it('withdraws a confirmation whose person lost their ID number after the list was read: nothing written, still a candidate', async () => {
    const userId = await kit.userId('vanishing-contact');
    await ResidentIdentity.create({ userId, name: '周杰', idHash: 'vanishing-contact-hash', idMasked: '3101**********0011' });
    await at('vanishing-contact', '09:15');
    clock.set(new Date('2026-03-12T11:00:00+08:00'));
    const before = { cases: await casesAbout(), decisions: await ContactDecisionModel.countDocuments() };
    // The decision reads who is identified, then the identity goes before the status is set.
    pauseAround(ResidentIdentity, 'find', { after: () => ResidentIdentity.deleteOne({ userId }) });
    expect((await decide('confirm', [userId])).body).toEqual({ decided: 0, skipped: 0, unidentified: 1 });
    expect({ cases: await casesAbout(), decisions: await ContactDecisionModel.countDocuments() }).toEqual(before);
    expect((await candidates()).body.items).toContainEqual(expect.objectContaining({ userId, identified: false }));
  });

  it('dismisses a candidate with no ID number on record like anyone else', async () => {
    expect((await decide('dismiss', [ids['newcomer-contact']])).body).toEqual({ decided: 1, skipped: 0, unidentified: 0 });
    expect((await candidates()).body.items.map((c: { userId: string }) => c.userId)).not.toContain(ids['newcomer-contact']);
  });

  it('deletes the decisions once every visit that could count for the case is gone, 28 days after its window closed', async () => {
    const retention = placeJobs.find((j) => j.name === 'places.visit-retention')!;
    const cases = await casesAbout();
    expect(await ContactDecisionModel.countDocuments()).toBe(3);
    // The case's window is 02-27 to 03-12 (its status date): a visit up to 03-13 01:00 could still count.
    // 28 days after the visits they were made on, the decisions stay: a later visit in the window would
    // otherwise bring a dismissed person back as a candidate.
    clock.set(new Date('2026-04-08T09:00:00+08:00'));
    expect((await runOnce(retention, 'test', clock.now())).result).toMatchObject({ decisionsDeleted: 0 });
    clock.set(new Date('2026-04-10T00:59:00+08:00'));
    expect((await runOnce(retention, 'test', clock.now())).result).toMatchObject({ decisionsDeleted: 0 });
    expect(await ContactDecisionModel.countDocuments()).toBe(3);
    clock.set(new Date('2026-04-10T01:01:00+08:00'));
    expect((await runOnce(retention, 'test', clock.now())).result).toMatchObject({ decisionsDeleted: 3 });
    expect(await ContactDecisionModel.countDocuments()).toBe(0);
    // The confirmed contact's medical status stays: it is the health code's record, not the visit's.
    expect(await casesAbout()).toBe(cases);
  });

  it('refuses a malformed decision with the one error shape', async () => {
    for (const body of [{ userIds: [] }, { userIds: ['not-an-id'] }, {}]) {
      const response = await kit.post('district-1', `/api/health/cases/${caseId}/contact-candidates/confirm`, body);
      expect([response.status, errorCode(response)]).toEqual([400, 'VALIDATION_FAILED']);
    }
  });
});

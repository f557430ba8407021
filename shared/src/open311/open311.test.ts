import { COMPLAINT_STATUSES } from '../complaints/complaint.machine';
import { open311PostRequestSchema, open311RequestsQuerySchema } from './inputs.schema';
import { publicNoteOf } from './public-notes';
import { checkAttributes, open311ServiceDefinition, open311Services } from './services';
import { complaintStatusesFor, open311StatusOf } from './status';
import { w3cDateTime, w3cDateTimeInputSchema } from './w3c-datetime';

describe('Open311 date-times', () => {
  it('writes a moment in Shanghai time with its offset, and it reads back as the same moment', () => {
    const at = new Date('2026-03-04T01:02:03.456Z');
    expect(w3cDateTime(at)).toBe('2026-03-04T09:02:03+08:00');
    expect(Date.parse(w3cDateTime(at))).toBe(Date.parse('2026-03-04T01:02:03Z'));
  });

  it('reads a date-time with an offset, and a + that a query string turned into a space', () => {
    expect(w3cDateTimeInputSchema.parse('2026-03-04T09:00:00+08:00')).toBe('2026-03-04T09:00:00+08:00');
    expect(w3cDateTimeInputSchema.parse('2026-03-04T01:00:00Z')).toBe('2026-03-04T01:00:00Z');
    expect(w3cDateTimeInputSchema.parse('2026-03-04T09:00:00 08:00')).toBe('2026-03-04T09:00:00+08:00');
    for (const bad of ['2026-03-04T09:00:00', '2026-03-04', 'yesterday', '2026-02-30T00:00:00Z']) expect(w3cDateTimeInputSchema.safeParse(bad).success).toBe(false);
  });
});

describe('Open311 statuses', () => {
  it('reads each of our statuses as open or closed, and with extended statuses as FixMyStreet knows them', () => {
    const basic = Object.fromEntries(COMPLAINT_STATUSES.map((s) => [s, open311StatusOf(s, { extended: false, before: 'closed' })]));
    expect(basic).toEqual({ submitted: 'open', accepted: 'open', dispatched: 'open', resolved: 'closed', closed: 'closed', rejected: 'closed', archived: 'closed' });
    const extended = Object.fromEntries(COMPLAINT_STATUSES.map((s) => [s, open311StatusOf(s, { extended: true, before: 'closed' })]));
    expect(extended).toEqual({ submitted: 'open', accepted: 'investigating', dispatched: 'in_progress', resolved: 'fixed', closed: 'fixed', rejected: 'closed', archived: 'fixed' });
  });

  it('reads an archived matter as what it was before it was filed away', () => {
    expect(open311StatusOf('archived', { extended: true, before: 'closed' })).toBe('fixed');
    expect(open311StatusOf('archived', { extended: true, before: 'rejected' })).toBe('closed');
  });

  it('selects, for each Open311 status, exactly the statuses that read as it', () => {
    for (const status of ['open', 'closed'] as const) {
      expect(complaintStatusesFor(status).sort()).toEqual(COMPLAINT_STATUSES.filter((s) => open311StatusOf(s, { extended: false }) === status).sort());
    }
  });
});

describe('Open311 services and their definitions', () => {
  it('says metadata: true exactly for the services whose definition has attributes', () => {
    for (const service of open311Services()) {
      expect(service.metadata).toBe(open311ServiceDefinition(service.service_code)!.attributes.length > 0);
    }
    expect(open311Services().filter((s) => s.metadata).map((s) => s.service_code)).toEqual(expect.arrayContaining(['elevator', 'noise', 'water-leak']));
    expect(open311ServiceDefinition('no-such-service')).toBeUndefined();
  });

  it('numbers the attributes in order and gives list attributes their values', () => {
    const elevator = open311ServiceDefinition('elevator')!;
    expect(elevator.attributes.map((a) => [a.order, a.code, a.required])).toEqual([
      [1, 'trapped', true],
      [2, 'elevator_code', false],
    ]);
    expect(elevator.attributes[0].values).toEqual([
      { key: 'yes', name: '是' },
      { key: 'no', name: '否' },
    ]);
  });

  it('refuses a missing required answer, a value not on the list and a number out of range, naming the field', () => {
    expect(checkAttributes('elevator', {})).toEqual({ ok: false, issues: [{ path: 'attribute[trapped]', message: 'required: 是否有人被困' }] });
    expect(checkAttributes('elevator', { trapped: 'maybe' })).toMatchObject({ ok: false, issues: [{ path: 'attribute[trapped]' }] });
    expect(checkAttributes('water-leak', { floor: '999' })).toMatchObject({ ok: false, issues: [{ path: 'attribute[floor]' }] });
    expect(checkAttributes('water-leak', { floor: '3.5' })).toMatchObject({ ok: false });
  });

  it('turns the answers into lines for the committee and ignores codes the definition does not have', () => {
    expect(checkAttributes('elevator', { trapped: 'yes', elevator_code: '31101234', title: 'from the client' })).toEqual({ ok: true, lines: ['是否有人被困：是', '电梯注册代码（轿厢内铭牌）：31101234'] });
    expect(checkAttributes('sanitation', { anything: 'x' })).toEqual({ ok: true, lines: [] });
  });
});

describe('what an Open311 client may post', () => {
  const form = { api_key: 'k', service_code: 'sanitation', lat: '31.2291', long: '121.5231', description: '绿化带里堆满建筑垃圾' };

  it('reads the coordinates as numbers and takes attribute answers as a record', () => {
    const parsed = open311PostRequestSchema.parse({ ...form, attribute: { trapped: 'yes' }, last_name: '' });
    expect(parsed).toMatchObject({ lat: 31.2291, long: 121.5231, attribute: { trapped: 'yes' } });
  });

  it('refuses a missing or empty location and says a location is needed', () => {
    const { lat: _lat, ...noLat } = form;
    const missing = open311PostRequestSchema.safeParse(noLat);
    expect(missing.success).toBe(false);
    expect(missing.error!.issues[0].message).toMatch(/needs its location/);
    expect(open311PostRequestSchema.safeParse({ ...form, long: '' }).success).toBe(false);
    expect(open311PostRequestSchema.safeParse({ ...form, lat: '91' }).success).toBe(false);
  });

  it('refuses another jurisdiction, a media_url that is not http(s), and a field it does not know', () => {
    expect(open311PostRequestSchema.safeParse({ ...form, jurisdiction_id: 'elsewhere' }).success).toBe(false);
    expect(open311PostRequestSchema.safeParse({ ...form, media_url: 'javascript:alert(1)' }).success).toBe(false);
    expect(open311PostRequestSchema.safeParse({ ...form, password: 'x' }).success).toBe(false);
  });

  it('splits comma lists in the request filters and checks each item', () => {
    expect(open311RequestsQuerySchema.parse({ status: 'open,closed', service_code: 'noise,elevator' })).toMatchObject({ status: ['open', 'closed'], service_code: ['noise', 'elevator'] });
    expect(open311RequestsQuerySchema.safeParse({ status: 'open,pending' }).success).toBe(false);
    expect(open311RequestsQuerySchema.safeParse({ service_request_id: 'abc' }).success).toBe(false);
  });
});

describe('public notes of status changes', () => {
  it('keeps staff notes and rating comments inside, and shows the reasons that are public anyway', () => {
    expect(publicNoteOf({ action: 'accept', from: 'submitted', to: 'accepted', note: '联系了报告人 138…' }, undefined)).toBe('居委已受理');
    expect(publicNoteOf({ action: 'dispatch', from: 'accepted', to: 'dispatched', note: '派至城管中队：找王队长' }, '城管中队')).toBe('已派至城管中队处置');
    expect(publicNoteOf({ action: 'rate', from: 'resolved', to: 'closed', note: '5 星：张师傅很好' }, undefined)).toBe('居民确认办结，结案');
    expect(publicNoteOf({ action: 'reject', from: 'submitted', to: 'rejected', note: '已由物业处理' }, undefined)).toBe('不予受理：已由物业处理');
    expect(publicNoteOf({ action: 'resolve', from: 'dispatched', to: 'resolved', note: '已清运' }, undefined)).toBe('已办结：已清运');
  });
});

import { acceptBy, dispatchBy, overdueReason, resolveBy } from './sla';
import { cellCenter, cellOf } from './hotspots';
import { distanceMeters } from '../core/geo';

const at = (iso: string) => new Date(iso);

describe('red lights', () => {
  const friday = at('2026-03-06T17:00:00+08:00');

  it('lights a report not accepted by the end of the next working day', () => {
    const limit = acceptBy(friday);
    expect(limit.toISOString()).toBe('2026-03-09T15:59:59.999Z'); // end of Monday
    expect(overdueReason({ status: 'submitted', acceptBy: limit }, at('2026-03-09T23:00:00+08:00'))).toBeUndefined();
    expect(overdueReason({ status: 'submitted', acceptBy: limit }, at('2026-03-10T00:00:01+08:00'))).toBe('not-accepted');
  });

  it('counts the deadline in working days across a holiday', () => {
    // Dispatched the day before National Day: 5 working days run 8–9 Oct, 10 Oct (make-up Saturday), 12–13 Oct.
    expect(resolveBy(at('2026-09-30T10:00:00+08:00'), 5).toISOString()).toBe('2026-10-13T15:59:59.999Z');
  });

  it('lights an accepted matter not dispatched in time, and a dispatched one past its deadline', () => {
    const now = at('2026-03-20T12:00:00+08:00');
    expect(overdueReason({ status: 'accepted', dispatchBy: dispatchBy(at('2026-03-17T09:00:00+08:00')) }, now)).toBe('not-dispatched');
    expect(overdueReason({ status: 'dispatched', deadline: at('2026-03-19T15:59:59.999Z') }, now)).toBe('not-resolved');
    expect(overdueReason({ status: 'dispatched', deadline: at('2026-03-20T15:59:59.999Z') }, now)).toBeUndefined();
  });

  it('never lights a matter that waits on nobody', () => {
    const long = at('2020-01-01T00:00:00Z');
    for (const status of ['resolved', 'closed', 'rejected', 'archived'] as const) {
      expect(overdueReason({ status, acceptBy: long, dispatchBy: long, deadline: long }, at('2026-01-01T00:00:00Z'))).toBeUndefined();
    }
  });
});

describe('hotspot cells', () => {
  it('puts points 50 m apart in one block in the same cell', () => {
    expect(cellOf({ lat: 31.22901, lng: 121.52301 })).toBe(cellOf({ lat: 31.22945, lng: 121.52301 }));
  });
  it('puts points 300 m apart in different cells', () => {
    expect(cellOf({ lat: 31.229, lng: 121.523 })).not.toBe(cellOf({ lat: 31.2317, lng: 121.523 }));
  });
  it('has a centre inside its own cell, within 170 m of any point of it', () => {
    const point = { lat: 31.22911, lng: 121.52333 };
    const centre = cellCenter(cellOf(point));
    expect(cellOf(centre)).toBe(cellOf(point));
    expect(distanceMeters(point, centre)).toBeLessThan(170);
  });
});

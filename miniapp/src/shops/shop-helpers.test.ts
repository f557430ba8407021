import { emptyInspection, inspectionBody, inspectionProblems } from './inspection-draft';
import { schematicFrame } from './schematic';
import { distanceWords, gradeMove, sinceInspectionWords } from './shop-words';

const noPhotos = { uploading: false, failed: false };
const PHOTO = '64b0000000000000000007a1';

describe('the schematic frame', () => {
  it('fits every circle into the box, to the same scale both ways', () => {
    const west = { center: { lat: 31.2, lng: 121.5 }, radiusMeters: 500 };
    const east = { center: { lat: 31.2, lng: 121.52 }, radiusMeters: 500 };
    const frame = schematicFrame([west, east], []);
    const [a, b] = [frame.circle(west), frame.circle(east)];

    expect(a.size).toBe(b.size);
    expect(a.left).toBeGreaterThanOrEqual(0);
    expect(b.left + b.size).toBeLessThanOrEqual(100);
    // Side by side east-west: centred vertically, at the same height.
    expect(a.top).toBe(b.top);
    expect(a.top + a.size / 2).toBeCloseTo(50, 0);
    // 0.02° of longitude at 31.2° is about 1,904 m; each circle is 1,000 m across.
    expect((b.left - a.left) / a.size).toBeCloseTo(1.904, 2);
  });

  it('puts north up and east right, and copes with a single point', () => {
    const frame = schematicFrame([], [{ lat: 31.2, lng: 121.5 }, { lat: 31.201, lng: 121.501 }]);
    const [sw, ne] = [frame.point({ lat: 31.2, lng: 121.5 }), frame.point({ lat: 31.201, lng: 121.501 })];
    expect(ne.left).toBeGreaterThan(sw.left);
    expect(ne.top).toBeLessThan(sw.top);
    expect(schematicFrame([], [{ lat: 31.2, lng: 121.5 }]).point({ lat: 31.2, lng: 121.5 })).toEqual({ left: 50, top: 50 });
  });
});

describe('the inspection draft', () => {
  it('words each problem the shared schema finds, in form order', () => {
    expect(inspectionProblems(emptyInspection(), noPhotos)).toEqual(['请选择巡查结果', '请填写巡查情况']);
    expect(inspectionProblems({ outcome: 'violation', note: '占道' }, noPhotos)).toEqual(['有违规时请选择违规类型']);
    expect(inspectionProblems({ outcome: 'ok', note: '好'.repeat(501) }, { uploading: true, failed: false })).toEqual(['巡查情况最多 500 字', '照片还在上传，请稍候']);
  });

  it('sends no violation type with 无问题, and trims the note', () => {
    expect(inspectionBody({ outcome: 'ok', violationType: 'litter', note: ' 整洁 ' }, [PHOTO])).toEqual({ outcome: 'ok', note: '整洁', photoIds: [PHOTO] });
  });
});

describe('shop words', () => {
  it('says grade moves, days since inspection and distances', () => {
    expect(gradeMove('low', 'high')).toBe('低风险 → 高风险');
    expect(gradeMove('medium', 'medium')).toBe('中风险（未变）');
    expect(gradeMove(undefined, 'low')).toBe('初评 低风险');
    expect([sinceInspectionWords(undefined), sinceInspectionWords(0), sinceInspectionWords(9)]).toEqual(['从未巡查', '今日已巡查', '9 天未巡查']);
    expect([distanceWords(80.4), distanceWords(999), distanceWords(1530)]).toEqual(['80 米', '999 米', '1.5 公里']);
  });
});

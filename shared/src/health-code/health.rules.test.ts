import { evaluate, type Declaration, type HealthInputs } from './health.rules';

const healthy = (date: string, extra: Partial<Declaration> = {}): Declaration => ({ date, temperature: 36.5, symptoms: [], travel: [], homeObservation: false, ...extra });
const inputs = (extra: Partial<HealthInputs> = {}): HealthInputs => ({
  declarations: [],
  cases: [],
  riskRegions: { 'hubei-wuhan': { level: 'high', since: '2020-01-20' }, 'zhejiang-wenzhou': { level: 'medium', since: '2020-02-01' }, 'jiangsu-suzhou': { level: 'low', since: '2020-01-01' } },
  ...extra,
});

describe('health code rules', () => {
  it.each<[string, Partial<HealthInputs>, string, string, string[], string | undefined]>([
    // [why, inputs, today, colour, rules that fired, nextChangeOn]
    ['nothing declared', {}, '2020-03-01', 'green', [], undefined],
    ['a healthy declaration', { declarations: [healthy('2020-03-01')] }, '2020-03-01', 'green', [], undefined],
    ['a confirmed case', { cases: [{ status: 'confirmed', date: '2020-03-01' }] }, '2020-03-01', 'red', ['case-status'], undefined],
    ['a suspected case', { cases: [{ status: 'suspected', date: '2020-03-01' }] }, '2020-03-20', 'red', ['case-status'], undefined],
    ['an asymptomatic case', { cases: [{ status: 'asymptomatic', date: '2020-03-01' }] }, '2020-03-01', 'red', ['case-status'], undefined],
    ['a close contact, at once', { cases: [{ status: 'close_contact', date: '2020-03-01' }] }, '2020-03-01', 'red', ['case-status'], undefined],
    ['centralised isolation not yet released', { cases: [{ status: 'centralised_isolation', date: '2020-03-01' }] }, '2020-04-01', 'red', ['centralised-isolation'], undefined],
    ['red outranks yellow', { cases: [{ status: 'close_contact', date: '2020-03-01' }], declarations: [healthy('2020-03-01', { temperature: 38 })] }, '2020-03-01', 'red', ['case-status'], undefined],
    ['fever at exactly 37.3 °C', { declarations: [healthy('2020-03-01', { temperature: 37.3 })] }, '2020-03-01', 'yellow', ['fever'], '2020-03-15'],
    ['a fever declared 13 days ago', { declarations: [healthy('2020-03-01', { temperature: 38 })] }, '2020-03-14', 'yellow', ['fever'], '2020-03-15'],
    ['a fever declared 14 days ago, nothing since', { declarations: [healthy('2020-03-01', { temperature: 38 })] }, '2020-03-15', 'green', [], undefined],
    ['37.2 °C is no fever', { declarations: [healthy('2020-03-01', { temperature: 37.2 })] }, '2020-03-01', 'green', [], undefined],
    ['a fever in an older declaration no longer counts', { declarations: [healthy('2020-03-01', { temperature: 38 }), healthy('2020-03-02')] }, '2020-03-02', 'green', [], undefined],
    ['symptoms', { declarations: [healthy('2020-03-01', { symptoms: ['cough'] })] }, '2020-03-01', 'yellow', ['symptoms'], '2020-03-15'],
    ['declared home observation', { declarations: [healthy('2020-03-01', { homeObservation: true })] }, '2020-03-05', 'yellow', ['home-observation'], '2020-03-15'],
    ['declared home observation, day 14', { declarations: [healthy('2020-03-01', { homeObservation: true })] }, '2020-03-15', 'green', [], undefined],
    ['high-risk travel, day 0', { declarations: [healthy('2020-03-01', { travel: [{ region: 'hubei-wuhan', date: '2020-03-01' }] })] }, '2020-03-01', 'yellow', ['risk-region-travel'], '2020-03-15'],
    ['high-risk travel, day 13', { declarations: [healthy('2020-03-01', { travel: [{ region: 'hubei-wuhan', date: '2020-03-01' }] })] }, '2020-03-14', 'yellow', ['risk-region-travel'], '2020-03-15'],
    ['high-risk travel, day 14', { declarations: [healthy('2020-03-01', { travel: [{ region: 'hubei-wuhan', date: '2020-03-01' }] })] }, '2020-03-15', 'green', [], undefined],
    ['medium-risk travel', { declarations: [healthy('2020-03-01', { travel: [{ region: 'zhejiang-wenzhou', date: '2020-02-28' }] })] }, '2020-03-01', 'yellow', ['risk-region-travel'], '2020-03-13'],
    ['low-risk travel', { declarations: [healthy('2020-03-01', { travel: [{ region: 'jiangsu-suzhou', date: '2020-02-28' }] })] }, '2020-03-01', 'green', [], undefined],
    ['travel before the region became risky', { declarations: [healthy('2020-03-01', { travel: [{ region: 'zhejiang-wenzhou', date: '2020-01-25' }] })] }, '2020-01-30', 'green', [], undefined],
    ['travel to an unknown region', { declarations: [healthy('2020-03-01', { travel: [{ region: 'nowhere', date: '2020-02-28' }] })] }, '2020-03-01', 'green', [], undefined],
    ['the later of two trips decides', { declarations: [healthy('2020-03-01', { travel: [{ region: 'hubei-wuhan', date: '2020-02-20' }, { region: 'zhejiang-wenzhou', date: '2020-02-25' }] })] }, '2020-03-01', 'yellow', ['risk-region-travel'], '2020-03-10'],
    ['home observation by staff, day 13', { cases: [{ status: 'home_observation', date: '2020-03-01' }] }, '2020-03-14', 'yellow', ['home-observation'], '2020-03-15'],
    ['home observation by staff, day 14', { cases: [{ status: 'home_observation', date: '2020-03-01' }] }, '2020-03-15', 'green', [], undefined],
    ['released from red, day 13', { cases: [{ status: 'close_contact', date: '2020-03-01' }, { status: 'released', date: '2020-03-15' }] }, '2020-03-28', 'yellow', ['recently-released'], '2020-03-29'],
    ['released from red, day 14', { cases: [{ status: 'close_contact', date: '2020-03-01' }, { status: 'released', date: '2020-03-15' }] }, '2020-03-29', 'green', [], undefined],
    ['released from isolation', { cases: [{ status: 'centralised_isolation', date: '2020-03-01' }, { status: 'released', date: '2020-03-15' }] }, '2020-03-15', 'yellow', ['recently-released'], '2020-03-29'],
    ['released from home observation only', { cases: [{ status: 'home_observation', date: '2020-03-01' }, { status: 'released', date: '2020-03-05' }] }, '2020-03-06', 'green', [], undefined],
    ['two lapsing reasons: the later one decides', { cases: [{ status: 'home_observation', date: '2020-03-01' }], declarations: [healthy('2020-03-05', { travel: [{ region: 'hubei-wuhan', date: '2020-03-04' }] })] }, '2020-03-05', 'yellow', ['risk-region-travel', 'home-observation'], '2020-03-18'],
    ['red does not lapse by itself', { cases: [{ status: 'confirmed', date: '2020-03-01' }] }, '2020-06-01', 'red', ['case-status'], undefined],
    ['symptoms and staff home observation: the later lapse decides', { cases: [{ status: 'home_observation', date: '2020-03-01' }], declarations: [healthy('2020-03-05', { symptoms: ['fatigue'] })] }, '2020-03-05', 'yellow', ['symptoms', 'home-observation'], '2020-03-19'],
  ])('%s → %s on %s', (_why, given, today, color, rules, nextChangeOn) => {
    const result = evaluate(inputs(given), today);
    expect(result.color).toBe(color);
    expect(result.reasons.map((r) => r.rule)).toEqual(rules);
    expect(result.nextChangeOn).toBe(nextChangeOn);
    for (const reason of result.reasons) expect(reason.text.length).toBeGreaterThan(4);
  });

  it('says the reasons in words: symptom names and region names, not codes', () => {
    const result = evaluate(
      inputs({
        declarations: [healthy('2020-03-01', { symptoms: ['cough', 'fatigue'], travel: [{ region: 'hubei-wuhan', date: '2020-02-28' }] })],
        riskRegions: { 'hubei-wuhan': { level: 'high', since: '2020-01-20', name: '湖北省武汉市' } },
      }),
      '2020-03-01',
    );
    expect(result.reasons.map((r) => r.text).join(' ')).toContain('咳嗽、乏力');
    expect(result.reasons.map((r) => r.text).join(' ')).toContain('湖北省武汉市');
    expect(result.reasons.map((r) => r.text).join(' ')).not.toMatch(/cough|hubei/);
  });

  it('names the rules version with every result', () => {
    expect(evaluate(inputs(), '2020-03-01').rulesVersion).toMatch(/^sh-/);
  });
});

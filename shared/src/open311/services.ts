import { COMPLAINT_CATEGORIES, findCategory } from '../complaints/categories';

/**
 * Our complaint categories as Open311 services, and the few whose definition
 * asks for more than the description (`attribute[code]` in a posted request).
 * A client that reads a definition (FixMyStreet does, for every service with
 * `metadata: true`) asks its user these questions; the answers reach the
 * committee as lines under the description.
 */
export const OPEN311_DATATYPES = ['string', 'number', 'datetime', 'text', 'singlevaluelist', 'multivaluelist'] as const;
export type Open311Datatype = (typeof OPEN311_DATATYPES)[number];

export interface Open311AttributeDefinition {
  code: string;
  datatype: Open311Datatype;
  required: boolean;
  /** The question, as the client shows it. */
  description: string;
  datatype_description: string | null;
  values?: Array<{ key: string; name: string }>;
  /** `number`: the whole numbers accepted. */
  range?: readonly [number, number];
  /** `string`: the most characters accepted. */
  maxLength?: number;
}

const YES_NO = [
  { key: 'yes', name: '是' },
  { key: 'no', name: '否' },
];

const ATTRIBUTES: Readonly<Record<string, readonly Open311AttributeDefinition[]>> = {
  elevator: [
    { code: 'trapped', datatype: 'singlevaluelist', required: true, description: '是否有人被困', datatype_description: null, values: YES_NO },
    { code: 'elevator_code', datatype: 'string', required: false, description: '电梯注册代码（轿厢内铭牌）', datatype_description: 'up to 40 characters', maxLength: 40 },
  ],
  noise: [
    {
      code: 'period',
      datatype: 'singlevaluelist',
      required: false,
      description: '发生时段',
      datatype_description: null,
      values: [
        { key: 'day', name: '白天（6–22 时）' },
        { key: 'night', name: '夜间（22–6 时）' },
      ],
    },
  ],
  'water-leak': [{ code: 'floor', datatype: 'number', required: false, description: '所在楼层', datatype_description: 'a whole number, -5 to 200', range: [-5, 200] }],
};

export const OPEN311_SERVICE_TYPE = 'realtime' as const;

/** `GET services`: one service per complaint category. */
export function open311Services() {
  return COMPLAINT_CATEGORIES.map((c) => ({
    service_code: c.code,
    service_name: c.name,
    description: `${c.name}：${c.timeLimitWorkingDays} 个工作日内办结`,
    metadata: (ATTRIBUTES[c.code] ?? []).length > 0,
    type: OPEN311_SERVICE_TYPE,
    keywords: c.keywords.join(','),
    group: c.kind,
  }));
}

/** The attributes a service asks for (none for most). */
export function open311Attributes(serviceCode: string): readonly Open311AttributeDefinition[] {
  return ATTRIBUTES[serviceCode] ?? [];
}

/** `GET services/{service_code}`: the definition, or undefined for a code we do not have. */
export function open311ServiceDefinition(serviceCode: string) {
  if (!findCategory(serviceCode)) return undefined;
  return {
    service_code: serviceCode,
    attributes: open311Attributes(serviceCode).map((a, i) => ({
      variable: true,
      code: a.code,
      datatype: a.datatype,
      required: a.required,
      datatype_description: a.datatype_description,
      order: i + 1,
      description: a.description,
      ...(a.values ? { values: a.values.map((v) => ({ ...v })) } : {}),
    })),
  };
}

export type AttributeCheck = { ok: true; lines: string[] } | { ok: false; issues: Array<{ path: string; message: string }> };

/**
 * Posted `attribute[code]` answers checked against the service's definition:
 * each required one present, list answers among the keys, numbers numbers.
 * Codes the definition does not have are ignored (a client may send its own).
 * The answers read as lines for the committee, e.g. `是否有人被困：是`.
 */
export function checkAttributes(serviceCode: string, answers: Record<string, string> = {}): AttributeCheck {
  const issues: Array<{ path: string; message: string }> = [];
  const lines: string[] = [];
  for (const a of open311Attributes(serviceCode)) {
    const path = `attribute[${a.code}]`;
    const raw = answers[a.code]?.trim() ?? '';
    if (!raw) {
      if (a.required) issues.push({ path, message: `required: ${a.description}` });
      continue;
    }
    if (a.datatype === 'singlevaluelist') {
      const value = a.values?.find((v) => v.key === raw);
      if (!value) issues.push({ path, message: `one of ${a.values?.map((v) => v.key).join(', ')}` });
      else lines.push(`${a.description}：${value.name}`);
    } else if (a.datatype === 'number') {
      const [min, max] = a.range ?? [-1e9, 1e9];
      if (!/^-?\d{1,10}$/.test(raw) || Number(raw) < min || Number(raw) > max) issues.push({ path, message: a.datatype_description ?? 'a whole number' });
      else lines.push(`${a.description}：${Number(raw)}`);
    } else if (raw.length > (a.maxLength ?? 200) || /[\p{Cc}]/u.test(raw)) {
      issues.push({ path, message: a.datatype_description ?? `up to ${a.maxLength ?? 200} characters` });
    } else {
      lines.push(`${a.description}：${raw}`);
    }
  }
  return issues.length ? { ok: false, issues } : { ok: true, lines };
}

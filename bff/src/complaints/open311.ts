import { z } from 'zod';
import {
  categoryCodeSchema,
  COMPLAINT_CATEGORIES,
  findCategory,
  OPEN_STATUSES,
  type ComplaintStatus,
} from '@sqtb/shared';
import { AppError } from '../core/app-error';
import { UserModel } from '../accounts/user.model';
import { Unit } from '../org/model';
import { ComplaintModel, type ComplaintRecord } from './model';
import { fileComplaint, type ComplaintDeps } from './service';

/**
 * Open311 GeoReport v2, so other civic systems (FixMyStreet and the like) can
 * read and post reports. Public fields only: nothing here names a reporter.
 */
export const open311PostSchema = z
  .object({
    api_key: z.string().min(1).max(200),
    service_code: categoryCodeSchema,
    lat: z.coerce.number().min(-90).max(90),
    long: z.coerce.number().min(-180).max(180),
    address_string: z.string().trim().min(2).max(200),
    description: z.string().trim().min(5).max(1000),
    jurisdiction_id: z.string().max(100).optional(),
    email: z.string().max(200).optional(),
    first_name: z.string().max(100).optional(),
    last_name: z.string().max(100).optional(),
    phone: z.string().max(40).optional(),
    device_id: z.string().max(200).optional(),
    account_id: z.string().max(200).optional(),
  })
  .strict();

const dateTime = z.iso.datetime({ offset: true });
export const open311ListQuerySchema = z
  .object({
    service_request_id: z.string().regex(/^[0-9a-f]{24}(,[0-9a-f]{24}){0,99}$/i).optional(),
    service_code: categoryCodeSchema.optional(),
    status: z.enum(['open', 'closed']).optional(),
    start_date: dateTime.optional(),
    end_date: dateTime.optional(),
    jurisdiction_id: z.string().max(100).optional(),
  })
  .strict();

export const open311ServiceSchema = z.object({
  service_code: z.string(),
  service_name: z.string(),
  description: z.string(),
  metadata: z.boolean(),
  type: z.literal('realtime'),
  keywords: z.string(),
  group: z.string(),
});

export const open311RequestSchema = z.object({
  service_request_id: z.string(),
  status: z.enum(['open', 'closed']),
  status_notes: z.string().nullable(),
  service_name: z.string(),
  service_code: z.string(),
  description: z.string(),
  agency_responsible: z.string().nullable(),
  requested_datetime: z.string(),
  updated_datetime: z.string(),
  expected_datetime: z.string().nullable(),
  address: z.string(),
  lat: z.number(),
  long: z.number(),
});

export function listServices() {
  return COMPLAINT_CATEGORIES.map((c) => ({
    service_code: c.code,
    service_name: c.name,
    description: `${c.name}：${c.timeLimitWorkingDays} 个工作日内办结`,
    metadata: false,
    type: 'realtime' as const,
    keywords: c.keywords.join(','),
    group: c.kind,
  }));
}

const openOrClosed = (status: ComplaintStatus) => (OPEN_STATUSES.includes(status) ? 'open' : 'closed');

async function toOpen311(c: ComplaintRecord, unitNames: Map<string, string>) {
  return {
    service_request_id: String(c._id),
    status: openOrClosed(c.status),
    status_notes: c.rejectionReason ?? c.resolutionNote ?? null,
    service_name: findCategory(c.category)?.name ?? c.category,
    service_code: c.category,
    description: c.description,
    agency_responsible: c.unitId ? (unitNames.get(String(c.unitId)) ?? null) : null,
    requested_datetime: c.createdAt.toISOString(),
    updated_datetime: c.updatedAt.toISOString(),
    expected_datetime: (c.deadline ?? c.acceptBy)?.toISOString() ?? null,
    address: c.address,
    lat: c.location!.lat,
    long: c.location!.lng,
  };
}

async function unitNames() {
  return new Map((await Unit.find({}, { name: 1 }).lean()).map((u) => [String(u._id), u.name]));
}

/** The client named by an API key, or a 403 as Open311 specifies. */
export function clientForKey(apiKey: string, keys: Map<string, string>): string {
  const client = keys.get(apiKey);
  if (!client) throw new AppError('FORBIDDEN', 'Invalid api_key');
  return client;
}

export async function postRequest(input: z.infer<typeof open311PostSchema>, keys: Map<string, string>, deps: ComplaintDeps) {
  const client = clientForKey(input.api_key, keys);
  const openid = `open311:${client}`;
  const reporter = (await UserModel.findOneAndUpdate(
    { openid },
    { $setOnInsert: { role: 'resident', displayName: `Open311 · ${client}`, registered: true } },
    { upsert: true, new: true },
  ))!;
  const view = await fileComplaint(
    { id: String(reporter._id), role: 'resident', displayName: reporter.displayName, scope: {} },
    { category: input.service_code, description: input.description, location: { lat: input.lat, lng: input.long }, address: input.address_string, photoIds: [], anonymous: true },
    deps,
  );
  return [{ service_request_id: view.id, service_notice: '已收到，将在 1 个工作日内受理', account_id: null }];
}

export async function listRequests(query: z.infer<typeof open311ListQuerySchema>, now: Date) {
  const filter: Record<string, unknown> = {};
  if (query.service_request_id) filter._id = { $in: query.service_request_id.split(',') };
  if (query.service_code) filter.category = query.service_code;
  if (query.status === 'open') filter.status = { $in: OPEN_STATUSES };
  if (query.status === 'closed') filter.status = { $nin: OPEN_STATUSES };
  // The spec's default window: the last 90 days.
  const start = query.start_date ? new Date(query.start_date) : new Date(now.getTime() - 90 * 86_400_000);
  filter.createdAt = { $gte: start, ...(query.end_date ? { $lte: new Date(query.end_date) } : {}) };
  if (query.service_request_id) delete filter.createdAt;
  const items = await ComplaintModel.find(filter, { timeline: 0 }).sort({ createdAt: -1 }).limit(1000);
  const names = await unitNames();
  return Promise.all(items.map((c) => toOpen311(c, names)));
}

export async function getRequest(id: string) {
  const c = await ComplaintModel.findById(id, { timeline: 0 });
  if (!c) throw new AppError('NOT_FOUND', 'No such service request');
  return [await toOpen311(c, await unitNames())];
}

import { Types } from 'mongoose';
import {
  checkAttributes,
  complaintStatusesFor,
  wgs84ToGcj02,
  type Open311PostRequest,
  type Open311RequestQuery,
  type Open311RequestsQuery,
} from '@sqtb/shared';
import { AppError } from '../core/app-error';
import { UserModel } from '../accounts/user.model';
import { ComplaintModel, fileComplaint, type ComplaintDeps } from '../complaints/service';
import { clientForKey, type Open311Keys } from './clients';
import { SERVICE_NOTICE, toOpen311Request, unitNames } from './request-view';

/**
 * Open311 GeoReport v2 service requests: other civic systems (FixMyStreet and
 * the like) post reports into the same loop as the mini-program's, and read
 * them back. Nothing here names a reporter.
 */

/** The specification's default window, and its most results. */
export const DEFAULT_WINDOW_DAYS = 90;
export const MAX_RESULTS = 1000;

/** `start_date`..`end_date` as dates: by default the `DEFAULT_WINDOW_DAYS` up to the end (or now); an end before the start is refused. */
export function windowOf(query: { start_date?: string; end_date?: string }, now: Date): { start: Date; end?: Date } {
  const end = query.end_date ? new Date(query.end_date) : undefined;
  const start = query.start_date ? new Date(query.start_date) : new Date((end ?? now).getTime() - DEFAULT_WINDOW_DAYS * 86_400_000);
  if (end && end < start) throw new AppError('VALIDATION_FAILED', 'end_date is before start_date', { issues: [{ path: 'end_date', message: 'before start_date' }] });
  return { start, end };
}

/**
 * A report posted by an Open311 client. In order: the key names the client
 * (403 otherwise); the answers to the service's questions are checked (400);
 * the WGS-84 location becomes the stored datum; the report is filed as any
 * resident's would be, under the client's own reporter account, anonymous to
 * the public, marked in the same insert as come by Open311 from that client.
 */
export async function postRequest(input: Open311PostRequest, keys: Open311Keys, deps: ComplaintDeps) {
  const client = clientForKey(input.api_key, keys);
  const answers = checkAttributes(input.service_code, input.attribute);
  if (!answers.ok) throw new AppError('VALIDATION_FAILED', 'The request body is not valid', { in: 'body', issues: answers.issues });
  const location = wgs84ToGcj02({ lat: input.lat, lng: input.long });
  const address = input.address_string ?? `${input.lat.toFixed(6)}, ${input.long.toFixed(6)}（WGS-84）`;
  const description = [input.description, ...answers.lines].join('\n');

  const openid = `open311:${client}`;
  const reporter = (await UserModel.findOneAndUpdate(
    { openid },
    { $setOnInsert: { role: 'resident', displayName: `Open311 · ${client}`, registered: true } },
    { upsert: true, new: true },
  ))!;
  const filed = await fileComplaint(
    { id: String(reporter._id), role: 'resident', displayName: reporter.displayName, scope: {}, registered: false },
    { category: input.service_code, description, location, address, photoIds: [], anonymous: true },
    deps,
    { channel: 'open311', client: { name: client, ...(input.media_url ? { mediaUrl: input.media_url } : {}) } },
  );
  return [{ service_request_id: filed.id, service_notice: SERVICE_NOTICE, account_id: null }];
}

/**
 * `GET requests`: by id (a comma list, which overrides every other filter),
 * or by service, status and window; newest first, at most `MAX_RESULTS`.
 */
export async function listRequests(query: Open311RequestsQuery, now: Date) {
  const filter: Record<string, unknown> = {};
  if (query.service_request_id) {
    filter._id = { $in: query.service_request_id.map((id) => new Types.ObjectId(id)) };
  } else {
    const { start, end } = windowOf(query, now);
    filter.createdAt = { $gte: start, ...(end ? { $lte: end } : {}) };
    if (query.service_code) filter.category = { $in: query.service_code };
    if (query.status) filter.status = { $in: query.status.flatMap(complaintStatusesFor) };
  }
  const items = await ComplaintModel.find(filter).sort({ createdAt: -1, _id: -1 }).limit(MAX_RESULTS);
  const units = await unitNames();
  return items.map((c) => toOpen311Request(c, units, query.extended_statuses === 'true'));
}

/** `GET requests/{id}`: a list of one, or 404. */
export async function getRequest(id: string, query: Open311RequestQuery) {
  const c = await ComplaintModel.findById(id);
  if (!c) throw new AppError('NOT_FOUND', `No service request ${id}`);
  return [toOpen311Request(c, await unitNames(), query.extended_statuses === 'true')];
}

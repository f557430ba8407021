import type {
  ComplaintDashboard,
  ComplaintList,
  ComplaintView,
  CreateComplaint,
  Hotspot,
  HotspotList,
  LatLng,
  ListComplaintsQuery,
  MeTooReply,
  NearbyComplaint,
  NearbyComplaints,
  NearbyShops,
  UploadedPhoto,
} from '@sqtb/shared';
import { request } from '../core/request';
import { uploadFile } from '../core/upload';
import type { ComplaintAction } from './actions';

export type ComplaintListItem = ComplaintList['items'][number];

/** The list filters a page may set; paging is added by the list hook. `committeeId` narrows district staff's list. */
export type ComplaintFilter = Partial<Pick<ListComplaintsQuery, 'status' | 'category' | 'overdue' | 'committeeId' | 'streetId' | 'outside' | 'closed' | 'receivedFrom' | 'receivedTo'>>;

export const PAGE_SIZE = 20;

/** `key` names this attempt: a retry with the same key gets the same complaint back. */
export const fileComplaint = (body: CreateComplaint, key: string) =>
  request<ComplaintView>('/api/complaints', { method: 'POST', data: { ...body }, header: { 'Idempotency-Key': key } });

/** A page of the list; with `after` (the id of the last complaint shown) the page after it, which complaints filed meanwhile cannot shift. */
export const listComplaints = (filter: ComplaintFilter, page: number, after?: string, pageSize = PAGE_SIZE) =>
  request<ComplaintList>('/api/complaints', { data: { ...filter, page, pageSize, ...(after ? { after } : {}) } });

export const fetchNearby = async (at: LatLng, category: string): Promise<NearbyComplaint[]> =>
  (await request<NearbyComplaints>('/api/complaints/nearby', { data: { lat: at.lat, lng: at.lng, category } })).items;

/** The street shops near a point, by name only: a report may name the one it is about. */
export const fetchNearbyShops = async (at: LatLng): Promise<NearbyShops['items']> =>
  (await request<NearbyShops>('/api/complaints/nearby-shops', { data: { lat: at.lat, lng: at.lng } })).items;

export const fetchComplaint = (id: string) => request<ComplaintView>(`/api/complaints/${encodeURIComponent(id)}`);

/** The workflow steps and 催办 all answer with the complaint after the step. */
type StepAction = Exclude<ComplaintAction, 'metoo' | 'autoClose' | 'autoArchive'>;
export const actOn = (id: string, action: StepAction, body: Record<string, unknown> = {}) =>
  request<ComplaintView>(`/api/complaints/${encodeURIComponent(id)}/${action}`, { method: 'POST', data: body });

export const urgeComplaint = (id: string, note?: string) => actOn(id, 'urge', note ? { note } : {});

export const meToo = (id: string) => request<MeTooReply>(`/api/complaints/${encodeURIComponent(id)}/metoo`, { method: 'POST', data: {} });

/** A photo for a report or a resolution; its id goes into `photoIds`. */
export const uploadPhoto = (filePath: string) => uploadFile<UploadedPhoto>('/api/files', filePath, 'file');

export const fetchDashboard = () => request<ComplaintDashboard>('/api/dashboard/complaints');

/** The per-committee figures as CSV text (the route needs the bearer token, so no plain link). */
export const fetchDashboardCsv = () => request<string>('/api/dashboard/complaints.csv', { dataType: 'text' });

export const fetchOpenHotspots = async (): Promise<Hotspot[]> => (await request<HotspotList>('/api/hotspots', { data: { open: 'true' } })).items;

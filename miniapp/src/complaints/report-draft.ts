import { COMPLAINT_CATEGORIES, createComplaintSchema, type CreateComplaint, type LatLng, type OrgResponse } from '@sqtb/shared';
import { fieldWords, lengthWording, problemList } from '../core/field-problems';
import { maxLength } from '../core/schema-limits';

/** What the report form holds before it is sent. */
export interface ReportDraft {
  category?: string;
  description: string;
  location?: LatLng;
  address: string;
  anonymous: boolean;
  /** The street shop the problem is about, picked from the shops near the location (optional). */
  shopId?: string;
}

export const emptyDraft = (): ReportDraft => ({ description: '', address: '', anonymous: false });

/**
 * The address's limit, read from the shared schema; the description's and the
 * photos' are shared constants (COMPLAINT_DESCRIPTION_MAX_LENGTH, COMPLAINT_MAX_PHOTOS).
 */
export const ADDRESS_MAX = maxLength(createComplaintSchema.shape.address);

/** The categories as picker options, in catalogue order. */
export const CATEGORY_OPTIONS = COMPLAINT_CATEGORIES.map((c) => ({ value: c.code, label: c.name }));

/**
 * The H5 stand-in for a map: one quick pick per neighbourhood committee, at the
 * centre of its area (the BFF routes a report to the committee whose area holds
 * the point, so a centre always lands with that committee).
 */
export interface PlacePick {
  key: string;
  label: string;
  location: LatLng;
  address: string;
}
export function committeePicks(org: Pick<OrgResponse, 'committees' | 'streets'>, ownCommitteeId?: string): PlacePick[] {
  const streetName = (id: string) => org.streets.find((s) => s.id === id)?.name ?? '';
  const picks = org.committees.map((c) => ({
    key: c.id,
    label: c.name,
    location: { lat: c.area.center.lat, lng: c.area.center.lng },
    address: `${streetName(c.streetId)}${c.name}辖区`,
  }));
  // The resident's own committee first: that is where most reports are made.
  return [...picks.filter((p) => p.key === ownCommitteeId), ...picks.filter((p) => p.key !== ownCommitteeId)];
}

/**
 * Every reason the draft cannot be sent yet, in form order; empty when it can.
 * The typed texts are checked by the shared schema; the category and the place
 * are picked, so only their presence is the form's to check.
 */
export function draftProblems(draft: ReportDraft, photos: { uploading: boolean; failed: boolean }): string[] {
  const words = fieldWords(createComplaintSchema, { description: draft.description.trim(), address: draft.address.trim() }, {
    description: lengthWording((min) => `请描述问题（至少 ${min} 个字）`, (max) => `问题描述最多 ${max} 字`),
    address: lengthWording(() => '请填写详细地址', (max) => `地址最多 ${max} 字`),
  });
  return problemList(
    !draft.category && '请选择问题类型',
    words.description,
    !draft.location && '请选择问题位置',
    words.address,
    photos.uploading && '照片还在上传，请稍候',
    photos.failed && '有照片上传失败，请删除后重试',
  );
}

/** The `POST /api/complaints` body of a complete draft. */
export function createBody(draft: ReportDraft, photoIds: string[]): CreateComplaint {
  if (!draft.category || !draft.location) throw new Error('the draft is incomplete: check draftProblems first');
  return {
    category: draft.category,
    description: draft.description.trim(),
    location: { lat: draft.location.lat, lng: draft.location.lng },
    address: draft.address.trim(),
    photoIds,
    anonymous: draft.anonymous,
    ...(draft.shopId ? { shopId: draft.shopId } : {}),
  };
}

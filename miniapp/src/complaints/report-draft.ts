import { COMPLAINT_CATEGORIES, type CreateComplaint, type LatLng, type OrgResponse } from '@sqtb/shared';

/** What the report form holds before it is sent. */
export interface ReportDraft {
  category?: string;
  description: string;
  location?: LatLng;
  address: string;
  anonymous: boolean;
}

export const emptyDraft = (): ReportDraft => ({ description: '', address: '', anonymous: false });

export const DESCRIPTION_MIN = 5;
export const DESCRIPTION_MAX = 1000;
export const MAX_PHOTOS = 6;

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

/** Every reason the draft cannot be sent yet, in form order; empty when it can. */
export function draftProblems(draft: ReportDraft, photos: { uploading: boolean; failed: boolean }): string[] {
  const problems: string[] = [];
  const description = draft.description.trim();
  const address = draft.address.trim();
  if (!draft.category) problems.push('请选择问题类型');
  if (description.length < DESCRIPTION_MIN) problems.push(`请描述问题（至少 ${DESCRIPTION_MIN} 个字）`);
  if (description.length > DESCRIPTION_MAX) problems.push(`问题描述最多 ${DESCRIPTION_MAX} 字`);
  if (!draft.location) problems.push('请选择问题位置');
  if (address.length < 2) problems.push('请填写详细地址');
  if (address.length > 200) problems.push('地址最多 200 字');
  if (photos.uploading) problems.push('照片还在上传，请稍候');
  if (photos.failed) problems.push('有照片上传失败，请删除后重试');
  return problems;
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
  };
}

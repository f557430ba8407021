import Taro from '@tarojs/taro';
import type { ComplaintList } from '@sqtb/shared';
import { leaveIfUnauthenticated } from '../accounts/sign-out';
import { complaintDetailUrl } from '../core/routes';
import { useFilteredList } from '../core/use-filtered-list';
import { listComplaints, type ComplaintFilter, type ComplaintListItem } from './api';

/**
 * The complaints in the caller's scope matching `filter`, paged: reloads when the
 * filter changes, when the page shows again, and on pull-down (with `alsoReload`,
 * for the rest of the page); more at the bottom, after the last one shown (cursor
 * paging: complaints filed meanwhile cannot repeat one). Beyond 1,000 matches the
 * total reads "1,000+" (`totalText`).
 */
export function useComplaintList(filter: ComplaintFilter, ...alsoReload: Array<() => Promise<unknown>>) {
  // usePagedList hands each load the last item loaded (useFilteredList passes this function on as it is).
  const load = (page: number, last?: ComplaintListItem) => listComplaints(filter, page, last?.id);
  return useFilteredList<ComplaintListItem, ComplaintList>(load, JSON.stringify(filter), leaveIfUnauthenticated, ...alsoReload);
}

export const openComplaint = (id: string) => void Taro.navigateTo({ url: complaintDetailUrl(id) });

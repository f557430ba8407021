import Taro from '@tarojs/taro';
import type { ComplaintList } from '@sqtb/shared';
import { leaveIfUnauthenticated } from '../accounts/sign-out';
import { complaintDetailUrl } from '../core/routes';
import { useFilteredList } from '../core/use-filtered-list';
import { listComplaints, type ComplaintFilter, type ComplaintListItem } from './api';

/**
 * The complaints in the caller's scope matching `filter`, paged: reloads when the
 * filter changes, when the page shows again, and on pull-down (with `alsoReload`,
 * for the rest of the page); more at the bottom.
 */
export function useComplaintList(filter: ComplaintFilter, ...alsoReload: Array<() => Promise<unknown>>) {
  return useFilteredList<ComplaintListItem, ComplaintList>((page) => listComplaints(filter, page), JSON.stringify(filter), leaveIfUnauthenticated, ...alsoReload);
}

export const openComplaint = (id: string) => void Taro.navigateTo({ url: complaintDetailUrl(id) });

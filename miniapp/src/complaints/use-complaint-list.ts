import Taro from '@tarojs/taro';
import { useEffect, useRef } from 'react';
import type { ComplaintList } from '@sqtb/shared';
import { leaveIfUnauthenticated } from '../accounts/sign-out';
import { useListPageEvents } from '../core/page-events';
import { complaintDetailUrl } from '../core/routes';
import { usePagedList } from '../core/use-paged-list';
import { listComplaints, type ComplaintFilter, type ComplaintListItem } from './api';

/**
 * The complaints in the caller's scope matching `filter`, paged: reloads when the
 * filter changes, when the page shows again, and on pull-down (with `alsoReload`,
 * for the rest of the page); more at the bottom.
 */
export function useComplaintList(filter: ComplaintFilter, ...alsoReload: Array<() => Promise<unknown>>) {
  const list = usePagedList<ComplaintListItem, ComplaintList>((page) => listComplaints(filter, page), leaveIfUnauthenticated);
  const key = JSON.stringify(filter);
  const mounted = useRef(false);
  const { refresh } = list;
  useEffect(() => {
    // The first load comes from the page showing (useDidShow).
    if (!mounted.current) {
      mounted.current = true;
      return;
    }
    void refresh();
  }, [key, refresh]);
  useListPageEvents(list, ...alsoReload);
  return list;
}

export const openComplaint = (id: string) => void Taro.navigateTo({ url: complaintDetailUrl(id) });

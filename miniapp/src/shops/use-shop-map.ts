import Taro, { useRouter } from '@tarojs/taro';
import { useMemo, useState } from 'react';
import { SHOP_GRADES, type ShopGrade } from '@sqtb/shared';
import { useSignedInRequest } from '../accounts/use-signed-in-request';
import { useReloadOnShowAndPull } from '../core/page-events';
import { complaintDetailUrl } from '../core/routes';
import { shopCardUrl } from './links';
import { countByGrade, loadShopMap } from './shop-map-data';

/** The grade chips: every shop, or one grade. */
export type GradeFilter = ShopGrade | 'all';

/**
 * 挂图作战: the map's data, loaded when the page shows and on pull-down, the
 * grade filter with its counts, and where a tap on a shop or a matter leads.
 */
export function useShopMap() {
  const state = useSignedInRequest(loadShopMap);
  useReloadOnShowAndPull(state.run);
  // The overview's figures open the map on one grade and, from a committee's row, on that committee.
  const { params } = useRouter();
  const opened = SHOP_GRADES.find((g) => g === params.grade);
  const [grade, setGrade] = useState<GradeFilter>(opened ?? 'all');
  const [committeeId, setCommitteeId] = useState<string | undefined>(params.committeeId);
  const committeeName = state.data?.committees.find((c) => c.id === committeeId)?.name;

  const shops = useMemo(() => state.data?.shops.filter((s) => !committeeId || s.committeeId === committeeId), [state.data, committeeId]);
  const counts = useMemo(() => countByGrade(shops ?? []), [shops]);
  const shown = useMemo(() => (shops ?? []).filter((s) => grade === 'all' || s.grade === grade), [shops, grade]);

  return {
    ...state,
    grade,
    setGrade,
    /** The committee the map is narrowed to, by name, and how to show every committee again. */
    committeeName: committeeId ? (committeeName ?? '所选居委') : undefined,
    showAllCommittees: () => setCommitteeId(undefined),
    counts,
    shown,
    openShop: (id: string) => void Taro.navigateTo({ url: shopCardUrl(id) }),
    openComplaint: (id: string) => void Taro.navigateTo({ url: complaintDetailUrl(id) }),
  };
}

export type ShopMapState = ReturnType<typeof useShopMap>;

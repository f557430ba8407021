import Taro from '@tarojs/taro';
import { useMemo, useState } from 'react';
import type { ShopGrade } from '@sqtb/shared';
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
  const [grade, setGrade] = useState<GradeFilter>('all');

  const shops = state.data?.shops;
  const counts = useMemo(() => countByGrade(shops ?? []), [shops]);
  const shown = useMemo(() => (shops ?? []).filter((s) => grade === 'all' || s.grade === grade), [shops, grade]);

  return {
    ...state,
    grade,
    setGrade,
    counts,
    shown,
    openShop: (id: string) => void Taro.navigateTo({ url: shopCardUrl(id) }),
    openComplaint: (id: string) => void Taro.navigateTo({ url: complaintDetailUrl(id) }),
  };
}

export type ShopMapState = ReturnType<typeof useShopMap>;

import Taro, { useRouter } from '@tarojs/taro';
import { useCallback, useState } from 'react';
import type { Role } from '@sqtb/shared';
import { fetchMe } from '../accounts/api';
import { useSignedInRequest } from '../accounts/use-signed-in-request';
import { ApiError } from '../core/api-error';
import { useReloadOnShowAndPull } from '../core/page-events';
import { complaintDetailUrl } from '../core/routes';
import { fetchShop } from './api';

/** Who records inspections: handling units on patrol, and district staff. */
const INSPECTORS: readonly Role[] = ['handler', 'district'];

/** One shop's card (`?id=`), who looks at it, and the inspection form's open state. */
export function useShopCard() {
  const id = useRouter().params.id ?? '';
  const load = useCallback(async () => {
    if (!id) throw new ApiError(0, 'NO_ID', '没有指定要查看的商户');
    const [shop, me] = await Promise.all([fetchShop(id), fetchMe()]);
    return { shop, mayInspect: INSPECTORS.includes(me.role) };
  }, [id]);
  const state = useSignedInRequest(load);
  useReloadOnShowAndPull(state.run);
  const [inspecting, setInspecting] = useState(false);
  return {
    ...state,
    inspecting,
    setInspecting,
    openComplaint: (complaintId: string) => void Taro.navigateTo({ url: complaintDetailUrl(complaintId) }),
  };
}

import Taro, { useRouter } from '@tarojs/taro';
import { useCallback, useRef, useState } from 'react';
import type { LatLng } from '@sqtb/shared';
import { useSignedInRequest } from '../accounts/use-signed-in-request';
import { useReloadOnShowAndPull } from '../core/page-events';
import { withPrivacy } from '../core/privacy';
import { wxCall } from '../core/wx-call';
import { fetchPatrol, type PatrolItem } from './api';

/** How long to wait for a position before listing without distances (a browser may never answer). */
const LOCATION_TIMEOUT_MS = 8000;

/**
 * Where the patrol stands, when the platform can say (GCJ-02, as shops are
 * stored); undefined when it cannot, is refused, or takes too long: the list
 * is then given without distances.
 */
async function currentPoint(): Promise<LatLng | undefined> {
  if (typeof Taro.getLocation !== 'function') return undefined;
  const asked = withPrivacy(() =>
    wxCall<Taro.getLocation.SuccessCallbackResult>((callbacks) => Taro.getLocation({ type: 'gcj02', ...callbacks })).then((place) => ({
      lat: place.latitude,
      lng: place.longitude,
    })),
  ).catch(() => undefined);
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<undefined>((resolve) => {
    timer = setTimeout(() => resolve(undefined), LOCATION_TIMEOUT_MS);
  });
  return Promise.race([asked, timeout]).finally(() => clearTimeout(timer));
}

/**
 * 街面巡查: today's list (high grade first, then the longest since inspection,
 * as the BFF orders it), the position asked once per page, and the shop being
 * inspected. A recorded inspection reloads the list at once.
 */
export function usePatrol() {
  const point = useRef<Promise<LatLng | undefined> | null>(null);
  // The overview's 本周巡查 of one committee opens the list of that committee.
  const { committeeId } = useRouter().params;
  const load = useCallback(async () => {
    point.current ??= currentPoint();
    const at = await point.current;
    return { list: await fetchPatrol(at, committeeId), located: at !== undefined };
  }, [committeeId]);
  const state = useSignedInRequest(load);
  useReloadOnShowAndPull(state.run);
  const [inspecting, setInspecting] = useState<PatrolItem | null>(null);
  return { ...state, inspecting, inspect: setInspecting, close: () => setInspecting(null) };
}

import { shanghaiDate } from '@sqtb/shared';
import { useEffect, useRef, useState } from 'react';
import { useSignedInRequest } from '../accounts/use-signed-in-request';
import { useReloadOnShowAndPull } from '../core/page-events';
import { fetchMyPlace, fetchPlaceVisits } from './api';

/**
 * The manager's own place's visitors on one Shanghai day (today unless another
 * day is picked). The place is asked for first: until a filing is approved it
 * answers 404, and there is nothing to list.
 */
export function usePlaceVisits() {
  const today = shanghaiDate(new Date());
  const [date, setDate] = useState(today);
  // Today goes unnamed, so the BFF's clock decides what today is.
  const load = async () => fetchPlaceVisits((await fetchMyPlace()).id, date === today ? undefined : date);
  const visits = useSignedInRequest(load);
  useReloadOnShowAndPull(visits.run);

  const opened = useRef(false);
  useEffect(() => {
    if (opened.current) void visits.run();
    opened.current = true;
  }, [date, visits.run]);

  return { ...visits, date, setDate, today };
}

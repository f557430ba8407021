import { useRequest, type UseRequest } from '../core/use-request';
import { leaveIfUnauthenticated } from './sign-out';

/** `useRequest` for pages behind login: a 401 sends the user back to the login page. */
export const useSignedInRequest = <T>(load: () => Promise<T>): UseRequest<T> =>
  useRequest(load, leaveIfUnauthenticated);

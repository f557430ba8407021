import type { ApiError } from '../core/api-error';

/** `GET /api/places/mine` answers 404 while the enterprise has no approved filing: nothing is wrong, there is just no code yet. */
export const noPlaceYet = (error?: ApiError): boolean => error?.status === 404;

import { complaintJobs } from '../complaints/jobs';
import { maskJobs } from '../masks/jobs';
import { shopJobs } from '../shops/jobs';
// Place codes: visit retention (28 days) and the place sync.
import { placeJobs } from '../places/jobs';
import type { Job } from './scheduler';

/** Every scheduled job of every capability. */
export const allJobs: Job[] = [...complaintJobs, ...maskJobs, ...shopJobs, ...placeJobs];

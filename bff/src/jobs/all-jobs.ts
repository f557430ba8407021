import { complaintJobs } from '../complaints/jobs';
import { maskJobs } from '../masks/jobs';
import { shopJobs } from '../shops/jobs';
import type { Job } from './scheduler';

/** Every scheduled job of every capability. */
export const allJobs: Job[] = [...complaintJobs, ...maskJobs, ...shopJobs];

import { z } from 'zod';

/** A MongoDB ObjectId as it travels in JSON: 24 hex characters. */
export const objectIdSchema = z.string().regex(/^[0-9a-f]{24}$/i, 'must be a 24-character hex id');

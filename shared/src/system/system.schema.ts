import { z } from 'zod';

/** `GET /healthz` */
export const livenessSchema = z.object({ status: z.literal('ok') });
/** `GET /readyz`: which database answered. */
export const readinessSchema = z.object({ status: z.literal('ready'), database: z.string() });
/** `GET /api/openapi.json`: described only as a JSON object (it describes itself). */
export const openApiDocumentSchema = z.record(z.string(), z.unknown());

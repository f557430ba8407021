import { z } from 'zod';
import { isCalendarDate } from '../calendar/dates';
import { latLngSchema } from '../core/geo.schema';
import { objectIdSchema } from '../core/ids';
import { violationTypeSchema } from './shop.schema';

/**
 * One line of a patrol vehicle's export (`POST /api/shops/alerts/import`):
 * time,lat,lng,violationType[,shopId]. The BFF checks each line with this and
 * reports the issues of a refused one.
 */

/** Shanghai wall-clock time as the vehicles export it: `2026-03-01 14:05` or `2026-03-01 14:05:30`. */
const SHANGHAI_WALL_CLOCK = /^(\d{4}-\d{2}-\d{2})[ T](\d{2}:\d{2})(:\d{2})?$/;
/** Or an ISO 8601 instant with its offset: `2026-03-01T14:05:00+08:00`, `2026-03-01T06:05:00Z`. */
const ISO_WITH_OFFSET = /^(\d{4}-\d{2}-\d{2})T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?(Z|[+-]\d{2}:\d{2})$/;

/** When the vehicle saw it, as an instant. */
export const alertTimeSchema = z
  .string()
  .trim()
  .transform((text, ctx) => {
    const wall = SHANGHAI_WALL_CLOCK.exec(text);
    const iso = ISO_WITH_OFFSET.exec(text);
    const day = wall?.[1] ?? iso?.[1];
    const at = wall ? new Date(`${wall[1]}T${wall[2]}${wall[3] ?? ':00'}+08:00`) : iso ? new Date(text) : undefined;
    if (!day || !isCalendarDate(day) || !at || Number.isNaN(at.getTime())) {
      ctx.addIssue({ code: 'custom', message: 'a time such as 2026-03-01 14:05 (Shanghai) or 2026-03-01T14:05:00+08:00' });
      return z.NEVER;
    }
    return at;
  });

export const alertImportLineSchema = z
  .object({
    time: alertTimeSchema,
    location: latLngSchema.strict(),
    violationType: violationTypeSchema,
    /** Names the shop outright; else the alert goes to the nearest shop within ALERT_ATTACH_METERS. */
    shopId: objectIdSchema.optional(),
  })
  .strict();
export type AlertImportLine = z.infer<typeof alertImportLineSchema>;

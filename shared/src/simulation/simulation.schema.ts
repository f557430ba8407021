import { z } from 'zod';

/** `PUT /api/simulation/clock` and `POST /api/simulation/reset`: the time to move to. */
export const simulatedClockBodySchema = z.object({ now: z.iso.datetime({ offset: true }) }).strict();
/** The simulated time now. */
export const simulatedClockSchema = z.object({ now: z.string() });
export type SimulatedClock = z.infer<typeof simulatedClockSchema>;
/** `POST /api/simulation/jobs`: what each scheduled job did, in the order they ran. */
export const jobRunReportSchema = z.object({ ran: z.array(z.object({ job: z.string(), result: z.unknown() })) });
export type JobRunReport = z.infer<typeof jobRunReportSchema>;

import { jobRunReportSchema, noFieldsSchema, simulatedClockBodySchema, simulatedClockSchema } from '@sqtb/shared';
import { AppError } from '../core/app-error';
import type { ManualClock } from '../core/clock';
import { defineRoute, type RouteSpec } from '../core/route';
import { resetWorld, runAllJobs } from './service';

/**
 * The simulated clock (development and test only, SIMULATED_CLOCK=true): the
 * simulator in mock/ moves time forward, runs the scheduled jobs at the time it
 * chose, and starts a month from a freshly seeded district. Never mounted in
 * production (the config refuses the setting there).
 */
export function simulationRoutes(deps: { clock: ManualClock; idKey: string }): RouteSpec[] {
  return [
    defineRoute({
      method: 'get',
      path: '/api/simulation/clock',
      tag: 'simulation',
      summary: 'The simulated time now',
      access: 'public',
      responses: { 200: { description: 'Now', schema: simulatedClockSchema } },
      handler: () => ({ body: { now: deps.clock.now().toISOString() } }),
    }),
    defineRoute({
      method: 'put',
      path: '/api/simulation/clock',
      tag: 'simulation',
      summary: 'Moves the simulated clock forward (never back: records would contradict each other)',
      access: 'public',
      body: simulatedClockBodySchema,
      responses: { 200: { description: 'The new time', schema: simulatedClockSchema } },
      errors: [409],
      handler: ({ body }) => {
        const to = new Date(body.now);
        if (to < deps.clock.now()) throw new AppError('CONFLICT', 'The simulated clock only moves forward; reset to start again', { now: deps.clock.now().toISOString() });
        deps.clock.set(to);
        return { body: { now: to.toISOString() } };
      },
    }),
    defineRoute({
      method: 'post',
      path: '/api/simulation/jobs',
      tag: 'simulation',
      summary: 'Runs every scheduled job once at the simulated time, in a fixed order',
      access: 'public',
      body: noFieldsSchema,
      responses: { 200: { description: 'What each job did', schema: jobRunReportSchema } },
      handler: async () => ({ body: { ran: await runAllJobs(deps.clock.now()) } }),
    }),
    defineRoute({
      method: 'post',
      path: '/api/simulation/reset',
      tag: 'simulation',
      summary: 'Empties every collection, sets the clock and seeds the demo district (without a mask round) at that time',
      access: 'public',
      body: simulatedClockBodySchema,
      responses: { 200: { description: 'The new time', schema: simulatedClockSchema } },
      handler: async ({ body }) => {
        deps.clock.set(body.now);
        await resetWorld(deps.clock.now(), deps.idKey);
        return { body: { now: deps.clock.now().toISOString() } };
      },
    }),
  ];
}

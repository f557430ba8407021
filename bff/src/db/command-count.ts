/**
 * Database commands per request, read from the MongoDB driver's command
 * monitoring. The bench and the cost tests turn it on (DB_COMMAND_COUNT=true);
 * each request then answers with `x-db-commands`: every command the driver
 * started on its behalf, authentication and rate-limit counters included.
 * The figure is the same on any engine, so it measures what the code controls.
 */
import { AsyncLocalStorage } from 'node:async_hooks';
import type { Middleware } from 'koa';
import type mongoose from 'mongoose';

/** The driver client mongoose uses (its own copy of the mongodb package). */
type MongoClient = ReturnType<mongoose.Connection['getClient']>;

export const DB_COMMANDS_HEADER = 'x-db-commands';

const currentRequest = new AsyncLocalStorage<{ commands: number }>();
const countedClients = new WeakSet<MongoClient>();

/** Counts each command the client starts towards the request it runs for (the client needs monitorCommands). */
export function countCommandsOf(client: MongoClient): void {
  if (countedClients.has(client)) return;
  countedClients.add(client);
  client.on('commandStarted', () => {
    const tally = currentRequest.getStore();
    if (tally) tally.commands += 1;
  });
}

/** Outermost middleware: runs the request in its own tally and reports it in a header. */
export function commandCountHeader(): Middleware {
  return async (ctx, next) => {
    const tally = { commands: 0 };
    await currentRequest.run(tally, async () => {
      try {
        await next();
      } finally {
        ctx.set(DB_COMMANDS_HEADER, String(tally.commands));
      }
    });
  };
}

/**
 * Database commands, read from the MongoDB driver's command monitoring. The
 * figure is the same on any engine, so it measures what the code controls.
 *
 * - DB_COMMAND_COUNT=true (the cost tests): each request answers with
 *   `x-db-commands`, every command the driver started on its behalf,
 *   authentication and rate-limit counters included.
 * - DB_COMMAND_COUNT=total (the bench): each answer carries only
 *   `x-db-commands-total`, every command this process has started, and the
 *   bench divides the growth over a run by its requests. Telling requests
 *   apart needs AsyncLocalStorage, whose promise hook on every await took
 *   about a fifth of a health-code request's CPU: a bench must not time its
 *   own instrument.
 */
import { AsyncLocalStorage } from 'node:async_hooks';
import type { Middleware } from 'koa';
import type mongoose from 'mongoose';

/** The driver client mongoose uses (its own copy of the mongodb package). */
type MongoClient = ReturnType<mongoose.Connection['getClient']>;

export const DB_COMMANDS_HEADER = 'x-db-commands';
export const DB_COMMANDS_TOTAL_HEADER = 'x-db-commands-total';

const currentRequest = new AsyncLocalStorage<{ commands: number }>();
const countedClients = new WeakSet<MongoClient>();
let commandsStarted = 0;

/** Counts each command the client starts towards the request it runs for (the client needs monitorCommands). */
export function countCommandsOf(client: MongoClient): void {
  if (countedClients.has(client)) return;
  countedClients.add(client);
  client.on('commandStarted', () => {
    commandsStarted += 1;
    const tally = currentRequest.getStore();
    if (tally) tally.commands += 1;
  });
}

/** Outermost middleware: reports the process total, or runs each request in its own tally and reports that. */
export function commandCountHeader(mode: 'per-request' | 'total'): Middleware {
  if (mode === 'total') {
    return async (ctx, next) => {
      try {
        await next();
      } finally {
        ctx.set(DB_COMMANDS_TOTAL_HEADER, String(commandsStarted));
      }
    };
  }
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

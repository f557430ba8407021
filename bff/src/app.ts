import path from 'node:path';
import { existsSync } from 'node:fs';
import Koa from 'koa';
import mongoose from 'mongoose';
import Router from '@koa/router';
import cors from '@koa/cors';
import { bodyParser } from '@koa/bodyparser';
import helmet from 'koa-helmet';
import type { Config } from './config';
import { AppError } from './core/app-error';
import { errorMiddleware } from './core/error-middleware';
import type { Logger } from './core/logger';
import { mountRoutes } from './core/mount-routes';
import { RateLimiter } from './core/rate-limit';
import { buildOpenApi } from './core/openapi';
import type { RouteSpec } from './core/route';
import { requestLog } from './core/request-log';
import { compression, staticFiles } from './core/serving';
import { createDrain } from './core/drain';
import { commandCountHeader, countCommandsOf } from './db/command-count';
import { inlineScriptHashes } from './core/inline-script-hashes';
import { accountRoutes } from './accounts/routes';
import { authenticate } from './accounts/service';
import type { WechatClient } from './accounts/wechat-client';
import { orgRoutes } from './org/routes';
import { systemRoutes } from './system/routes';
import { complaintRoutes } from './complaints/routes';
import { oversightRoutes } from './complaints/oversight-routes';
import { open311ErrorReply, open311Routes } from './open311';
import { fileRoutes } from './files/routes';
import { notificationRoutes } from './notifications/routes';
import { createNotifier } from './notifications/service';
import { ManualClock, systemClock, type Clock } from './core/clock';
import { simulationRoutes } from './simulation/routes';
import { healthCodeRoutes } from './health-code/routes';
import { maskRoutes } from './masks/routes';
import { filingRoutes } from './filings/routes';
import { overviewRoutes } from './overview/routes';
import { shopRoutes } from './shops/routes';
// Place codes (issue 19): scan-in, visits, close-contact candidates.
import { placeRoutes } from './places/routes';
import type { KeyRing } from './core/keys';

export interface AppDeps {
  config: Config;
  log: Logger;
  wechat: WechatClient;
  database: { kind: string; ping(): Promise<boolean> };
  /** The real clock unless a test or simulation moves time. */
  clock?: Clock;
  /** The health code's signing keys (see core/keys.ts). */
  healthKeys: KeyRing;
}

// From bff/src (tsx) and from bff/dist (the compiled bundle) alike: both sit two levels below the root.
const DEFAULT_STATIC_DIR = path.resolve(__dirname, '../../miniapp/dist/h5');

/** Builds the Koa app without listening, so tests drive it in process. */
export function createApp(deps: AppDeps): { app: Koa; routes: RouteSpec[]; drain: () => Promise<void> } {
  const { config, log } = deps;
  const clock = deps.clock ?? systemClock;
  const urlSecret = config.keys.urlSigning;
  const subscribeTemplate = { templateId: config.wechat.subscribeTemplateId, keywords: config.wechat.subscribeKeywords };
  const notifier = createNotifier({ wechat: deps.wechat, template: subscribeTemplate, log, now: () => clock.now() });
  const complaintDeps = { clock, notifier, urlSecret };
  const healthDeps = { clock, keys: deps.healthKeys, idKey: config.keys.idHash, subjectKey: config.keys.healthCodeSubject, log };
  const routes: RouteSpec[] = [
    ...systemRoutes({ databaseReady: () => deps.database.ping(), databaseKind: deps.database.kind, openApi: () => openApi }),
    ...accountRoutes({ wechat: deps.wechat, tokens: config.jwt, devLogin: config.devLogin, clock, desktopTokenTtlSeconds: config.desktopTokenTtlSeconds }),
    ...orgRoutes,
    ...fileRoutes({ clock, urlSecret }),
    ...notificationRoutes({ clock, template: subscribeTemplate, devLogin: config.devLogin, wechatApiBase: config.wechat.apiBase }),
    ...complaintRoutes(complaintDeps),
    ...oversightRoutes({ clock }),
    ...overviewRoutes({ clock }),
    ...open311Routes({ ...complaintDeps, apiKeys: config.open311Keys, endpointType: config.env === 'production' ? 'production' : 'test' }),
    ...maskRoutes({ clock, idKey: config.keys.idHash }),
    ...filingRoutes({ clock, idKey: config.keys.idHash, keys: deps.healthKeys }),
    ...shopRoutes({ clock }),
    ...healthCodeRoutes(healthDeps),
    // Place codes read the colour and set close-contact statuses through the health code's service.
    ...placeRoutes(healthDeps),
  ];
  if (config.simulatedClock) {
    if (!(clock instanceof ManualClock)) throw new Error('SIMULATED_CLOCK=true needs a ManualClock');
    routes.push(...simulationRoutes({ clock, idKey: config.keys.idHash }));
  }
  const openApi = buildOpenApi(routes, { version: '0.1.0' });

  const router = new Router();
  mountRoutes(router, routes, (ctx) => authenticate(ctx.get('Authorization') || undefined, config.jwt), {
    limiter: new RateLimiter({ now: () => clock.now().getTime(), log, trustProxy: config.trustProxy }),
    factor: config.rateLimitFactor,
  });

  const staticDir = config.staticDir ?? DEFAULT_STATIC_DIR;
  // Behind TRUST_PROXY=<hops>, Koa reads ctx.ip from X-Forwarded-For (see core/client-ip.ts for the address-list form).
  const app = new Koa({ proxy: !!config.trustProxy && 'hops' in config.trustProxy && config.trustProxy.hops > 0, maxIpsCount: config.trustProxy && 'hops' in config.trustProxy ? config.trustProxy.hops : 0 });
  const shutdown = createDrain();
  if (config.countDbCommands) {
    countCommandsOf(mongoose.connection.getClient());
    app.use(commandCountHeader(config.countDbCommands));
  }
  app.use(requestLog(log));
  app.use(compression());
  app.use(errorMiddleware([open311ErrorReply]));
  app.use(shutdown.middleware);
  app.use(
    helmet({
      contentSecurityPolicy: {
        directives: {
          'script-src': ["'self'", ...inlineScriptHashes(staticDir)],
          // Taro's H5 runtime sets inline styles; images may be data: or blob: (photo previews).
          'style-src': ["'self'", "'unsafe-inline'"],
          'img-src': ["'self'", 'data:', 'blob:'],
          // Taro's H5 upload reads the chosen photo back from its blob: URL before sending it.
          'connect-src': ["'self'", 'blob:'],
        },
      },
    }),
  );
  app.use(cors({ origin: (ctx) => (config.corsOrigins.includes(ctx.get('Origin')) ? ctx.get('Origin') : ''), allowHeaders: ['Authorization', 'Content-Type', 'Idempotency-Key', 'X-Request-Id'] }));
  app.use(
    bodyParser({
      enableTypes: ['json', 'form', 'text'],
      extendTypes: { text: ['text/csv'] },
      jsonLimit: config.bodyLimit,
      formLimit: config.bodyLimit,
      textLimit: config.bodyLimit,
      onError: (err) => {
        const e = err as { status?: number; type?: string };
        if (e.status === 413 || e.type === 'entity.too.large') throw new AppError('PAYLOAD_TOO_LARGE', `The request body is larger than ${config.bodyLimit}`);
        throw new AppError('MALFORMED_JSON', 'The request body is not valid JSON');
      },
    }),
  );
  app.use(router.routes());
  app.use(router.allowedMethods({ throw: true }));

  if (existsSync(staticDir)) app.use(staticFiles(staticDir));
  else log.warn({ staticDir }, 'the H5 build is missing: run `npm run build:h5` to serve the mini-program at /');
  return { app, routes, drain: shutdown.drain };
}

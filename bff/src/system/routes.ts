import { livenessSchema, openApiDocumentSchema, readinessSchema } from '@sqtb/shared';
import { AppError } from '../core/app-error';
import { defineRoute, type RouteSpec } from '../core/route';

export interface SystemDeps {
  /** True when the database answers now. */
  databaseReady(): Promise<boolean>;
  databaseKind: string;
  /** Built lazily: it describes every route, this one included. */
  openApi(): Record<string, unknown>;
}

export function systemRoutes(deps: SystemDeps): RouteSpec[] {
  return [
    defineRoute({
      method: 'get',
      path: '/healthz',
      tag: 'system',
      summary: 'Liveness: the process is up',
      access: 'public',
      responses: { 200: { description: 'Alive', schema: livenessSchema } },
      handler: () => ({ body: { status: 'ok' } }),
    }),
    defineRoute({
      method: 'get',
      path: '/readyz',
      tag: 'system',
      summary: 'Readiness: the database answers',
      access: 'public',
      responses: { 200: { description: 'Ready', schema: readinessSchema } },
      errors: [503],
      handler: async () => {
        if (!(await deps.databaseReady())) throw new AppError('DATABASE_UNAVAILABLE', 'The database is not answering');
        return { body: { status: 'ready', database: deps.databaseKind } };
      },
    }),
    defineRoute({
      method: 'get',
      path: '/api/openapi.json',
      tag: 'system',
      summary: 'This API as an OpenAPI 3.1 document, generated from the shared schemas',
      access: 'public',
      responses: { 200: { description: 'The OpenAPI document', schema: openApiDocumentSchema } },
      handler: () => ({ body: deps.openApi() }),
    }),
  ];
}

import { z, type ZodType } from 'zod';
import { errorBodySchema } from '@sqtb/shared';
import { IDEMPOTENCY_HEADER } from './idempotency';
import type { RouteSpec } from './route';

/**
 * The OpenAPI 3.1 document, generated from the same route declarations and
 * shared zod schemas that the BFF mounts and validates with.
 */
export function buildOpenApi(specs: RouteSpec[], info: { version: string }): Record<string, unknown> {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const spec of specs) {
    const path = spec.path.replace(/:([A-Za-z_]+)/g, '{$1}');
    paths[path] ??= {};
    paths[path][spec.method] = operation(spec);
  }
  return {
    openapi: '3.1.0',
    info: { title: '社区通办 BFF', version: info.version, description: 'Backend-for-frontend of the 社区通办 mini-program' },
    paths,
    components: {
      securitySchemes: { bearer: { type: 'http', scheme: 'bearer', bearerFormat: 'JWT' } },
      schemas: { Error: jsonSchema(errorBodySchema, 'output') },
    },
  };
}

function operation(spec: RouteSpec): Record<string, unknown> {
  const responses: Record<string, unknown> = {};
  for (const [status, response] of Object.entries(spec.responses)) {
    responses[status] = {
      description: response.description,
      ...(response.schema ? { content: { [response.contentType ?? 'application/json']: { schema: jsonSchema(response.schema, 'output') } } } : {}),
    };
  }
  const refusals = new Set([...(spec.errors ?? []), ...(spec.idempotent ? [409] : []), ...(spec.body || spec.query || spec.params ? [400] : []), ...(spec.access === 'public' ? [] : [401]), ...(Array.isArray(spec.access) ? [403] : [])]);
  const refusal = spec.refusal ? { [spec.refusal.contentType]: { schema: jsonSchema(spec.refusal.schema, 'output') } } : { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } };
  for (const status of [...refusals].sort()) {
    responses[String(status)] = { description: 'Refused', content: refusal };
  }
  return {
    tags: [spec.tag],
    summary: spec.summary,
    operationId: `${spec.method}${spec.path.replace(/[^A-Za-z0-9]+(.)?/g, (_m, c: string | undefined) => (c ? c.toUpperCase() : ''))}`,
    ...(spec.access === 'public' ? {} : { security: [{ bearer: [] }] }),
    'x-roles': spec.access,
    parameters: [...parameters(spec.params, 'path'), ...parameters(spec.query, 'query'), ...(spec.idempotent ? [idempotencyKeyParameter] : [])],
    ...(spec.multipart
      ? {
          requestBody: {
            required: true,
            content: { 'multipart/form-data': { schema: { type: 'object', required: [spec.multipart.field], properties: { [spec.multipart.field]: { type: 'string', format: 'binary' } } } } },
          },
        }
      : {}),
    ...(spec.body ? { requestBody: { required: true, content: { [spec.bodyType ?? 'application/json']: { schema: jsonSchema(spec.body, 'input') } } } } : {}),
    responses,
  };
}

const idempotencyKeyParameter = {
  name: IDEMPOTENCY_HEADER,
  in: 'header',
  required: false,
  description:
    'A fresh key per new request (1–128 visible ASCII characters). A repeat with the same key from the same user gets the first successful answer again (with the header Idempotent-Replayed: true), kept 24 hours; the same key with another request is 409 IDEMPOTENCY_KEY_REUSED; a repeat while the first is still running may get 409 CONFLICT.',
  schema: { type: 'string', minLength: 1, maxLength: 128, pattern: '^[\\x21-\\x7E]+$' },
};

function parameters(schema: ZodType | undefined, where: 'path' | 'query'): unknown[] {
  if (!schema) return [];
  const json = jsonSchema(schema, 'input') as { properties?: Record<string, unknown>; required?: string[] };
  return Object.entries(json.properties ?? {}).map(([name, property]) => ({
    name,
    in: where,
    required: where === 'path' || (json.required ?? []).includes(name),
    schema: property,
  }));
}

function jsonSchema(schema: ZodType, io: 'input' | 'output'): Record<string, unknown> {
  const { $schema: _drop, ...rest } = z.toJSONSchema(schema, { io, unrepresentable: 'any' }) as Record<string, unknown>;
  return rest;
}

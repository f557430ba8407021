import type Koa from 'koa';
import type { AppError } from '../core/app-error';
import type { ErrorReply } from '../core/error-middleware';
import { toXml, XML_CONTENT_TYPE } from './xml';

export const OPEN311_PATH_PREFIX = '/open311/';

/**
 * A refusal as Open311 clients read it: a list of `{code, description}`, the
 * code being the HTTP status; one entry per field that failed validation.
 */
export function open311Errors(error: AppError): Array<{ code: number; description: string }> {
  const issues = (error.details as { issues?: Array<{ path: string; message: string }> } | undefined)?.issues;
  if (error.code === 'VALIDATION_FAILED' && Array.isArray(issues) && issues.length) {
    return issues.map((issue) => ({ code: error.status, description: issue.path ? `${fieldName(issue.path)}: ${issue.message}` : issue.message }));
  }
  return [{ code: error.status, description: error.message }];
}

/** `attribute.trapped` (how the form parser nests it) as the client sent it: `attribute[trapped]`. */
const fieldName = (path: string) => path.replace(/^attribute\.(.+)$/, 'attribute[$1]');

/**
 * Every refusal under /open311/, whatever raised it (the body parser, the
 * router, a route), in the Open311 shape: XML on a `.xml` path, JSON elsewhere.
 * The error middleware calls it for those paths (see core/error-middleware.ts).
 */
export const open311ErrorReply: ErrorReply = {
  pathPrefix: OPEN311_PATH_PREFIX,
  write(ctx: Koa.Context, error: AppError) {
    const errors = open311Errors(error);
    if (ctx.path.endsWith('.xml')) {
      ctx.set('Content-Type', XML_CONTENT_TYPE);
      ctx.body = toXml('errors', errors);
    } else {
      ctx.type = 'application/json';
      ctx.body = errors;
    }
  },
};

// Error answers in the one shape of API v1, and the middleware that keeps bad requests from becoming 500s.
import type { ErrorRequestHandler, Request, Response } from 'express';
import { apiError, httpStatusOf, parseWith, type ApiError, type ErrorCode } from '@cuecart/shared';
import type { z } from 'zod';
import type { Logger } from '../logger.js';

export function sendError(res: Response, error: ApiError): void {
  res.status(httpStatusOf[error.code]).json({ error });
}

export function send(res: Response, code: ErrorCode, message: string): void {
  sendError(res, apiError(code, message));
}

/** Parses the JSON body with a schema, answering 400 itself when it does not fit. */
export function parseBody<S extends z.ZodType>(req: Request, res: Response, schema: S, what: string): z.infer<S> | undefined {
  if (req.body === undefined) {
    send(res, 'invalid', `${what} must be a JSON body sent with "Content-Type: application/json"`);
    return undefined;
  }
  const parsed = parseWith(schema, req.body, what);
  if (!parsed.ok) {
    sendError(res, parsed.error);
    return undefined;
  }
  return parsed.value;
}

interface BodyParserError {
  type?: string;
  status?: number;
  limit?: number;
}

export function errorHandler(logger: Logger): ErrorRequestHandler {
  return (err: unknown, req, res, _next) => {
    const e = err as BodyParserError;
    if (res.headersSent) return;
    if (e?.type === 'entity.too.large') {
      res.status(413).json({ error: apiError('invalid', `the body is larger than this route accepts (${Math.round((e.limit ?? 0) / 1024)} KB): send less at a time`) });
    } else if (e?.type === 'entity.parse.failed') {
      send(res, 'invalid', 'the body is not valid JSON');
    } else if (e?.status === 404) {
      send(res, 'not_found', `nothing at ${req.path}`);
    } else if (typeof e?.status === 'number' && e.status >= 400 && e.status < 500) {
      send(res, 'invalid', `the request could not be read (${e.type ?? e.status})`);
    } else {
      logger.error({ err, method: req.method, url: req.originalUrl }, 'request failed');
      send(res, 'internal', 'the relay failed to handle this request; it has been logged');
    }
  };
}

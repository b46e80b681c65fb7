// The one error shape of API v1, on REST and on socket acks alike.
import { z } from 'zod';

export const ErrorCode = z.enum(['invalid', 'unauthorized', 'forbidden', 'not_found', 'conflict', 'rate_limited', 'internal', 'unavailable']);
export type ErrorCode = z.infer<typeof ErrorCode>;

export const ApiError = z.object({ code: ErrorCode, message: z.string() });
export type ApiError = z.infer<typeof ApiError>;

export const ErrorBody = z.object({ error: ApiError });
export type ErrorBody = z.infer<typeof ErrorBody>;

export function apiError(code: ErrorCode, message: string): ApiError {
  return { code, message };
}

/** HTTP status for each error code. */
export const httpStatusOf: Record<ErrorCode, number> = {
  invalid: 400,
  unauthorized: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  rate_limited: 429,
  internal: 500,
  /** A store or provider the relay depends on (Shopify) did not answer: try again shortly. */
  unavailable: 503,
};

/** Turns a zod failure into one readable sentence: "rundown.0: expected string". */
export function describeZodError(error: z.ZodError, max = 3): string {
  const parts = error.issues.slice(0, max).map((issue) => {
    const path = issue.path.map(String).join('.');
    return path ? `${path}: ${issue.message}` : issue.message;
  });
  const more = error.issues.length > max ? ` (+${error.issues.length - max} more)` : '';
  return parts.join('; ') + more;
}

export type Parsed<T> = { ok: true; value: T } | { ok: false; error: ApiError };

/** Parses untrusted input with a schema; never throws. */
export function parseWith<S extends z.ZodType>(schema: S, input: unknown, what: string): Parsed<z.infer<S>> {
  const result = schema.safeParse(input);
  if (result.success) return { ok: true, value: result.data };
  return { ok: false, error: apiError('invalid', `${what} is not valid: ${describeZodError(result.error)}`) };
}

/** The response envelope of the API contract, as zod schemas (for OpenAPI) and builders. */
import { z } from "@hono/zod-openapi";
import { ERROR_STATUS, type ErrorCode } from "../errors";

/** Wraps a payload schema in the success envelope. */
export function envelope<T extends z.ZodType>(data: T) {
  return z.object({ success: z.literal(true), data, message: z.string().optional() });
}

export const PaginationSchema = z
  .object({ next_cursor: z.string().nullable(), has_more: z.boolean() })
  .openapi("Pagination");

/** Wraps an item schema in the paginated list envelope. */
export function listEnvelope<T extends z.ZodType>(item: T) {
  return z.object({ success: z.literal(true), data: z.array(item), pagination: PaginationSchema });
}

export const ErrorEnvelopeSchema = z
  .object({
    success: z.literal(false),
    error: z.object({
      code: z.enum(Object.keys(ERROR_STATUS) as [ErrorCode, ...ErrorCode[]]),
      message: z.string(),
      details: z.record(z.string(), z.unknown()).optional(),
      request_id: z.string(),
      timestamp: z.string(),
    }),
  })
  .openapi("Error");

/** Builds the error envelope body. */
export function errorBody(code: ErrorCode, message: string, requestId: string, details?: Record<string, unknown>) {
  return {
    success: false as const,
    error: {
      code,
      message,
      ...(details ? { details } : {}),
      request_id: requestId,
      timestamp: new Date().toISOString(),
    },
  };
}

/** OpenAPI response entries for the errors a route can answer with. */
export function errorResponses(...codes: ErrorCode[]) {
  const out: Record<number, { description: string; content: { "application/json": { schema: typeof ErrorEnvelopeSchema } } }> = {};
  for (const code of codes) {
    const status = ERROR_STATUS[code];
    const prior = out[status]?.description;
    out[status] = {
      description: prior ? `${prior} or ${code}` : code,
      content: { "application/json": { schema: ErrorEnvelopeSchema } },
    };
  }
  return out;
}

/** The JSON request body entry of an OpenAPI route. */
export function jsonBody<T extends z.ZodType>(schema: T) {
  return { content: { "application/json": { schema } }, required: true };
}

/** A JSON response entry of an OpenAPI route. */
export function jsonResponse<T extends z.ZodType>(schema: T, description: string) {
  return { description, content: { "application/json": { schema } } };
}

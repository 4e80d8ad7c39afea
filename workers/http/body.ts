import type { MiddlewareHandler } from "hono";
import { bodyLimit } from "hono/body-limit";
import { ApiError } from "../errors";
import type { AppEnv } from "./types";

/** Default cap on request bodies; plenty for every JSON document but keystroke logs. */
export const DEFAULT_BODY_LIMIT_BYTES = 64 * 1024;
/** Submissions carry one timing per keystroke: 1 MiB holds ~20,000 of them. */
export const KEYSTROKE_BODY_LIMIT_BYTES = 1024 * 1024;

const KEYSTROKE_ROUTES = [/^\/api\/tests\/[^/]+\/submit$/, /^\/api\/analytics\/analyze$/];

const tooLarge = (limit: number) => () => {
  throw new ApiError("PAYLOAD_TOO_LARGE", `Request body exceeds ${limit} bytes`, { limitBytes: limit });
};
const defaultLimit = bodyLimit({ maxSize: DEFAULT_BODY_LIMIT_BYTES, onError: tooLarge(DEFAULT_BODY_LIMIT_BYTES) });
const keystrokeLimit = bodyLimit({ maxSize: KEYSTROKE_BODY_LIMIT_BYTES, onError: tooLarge(KEYSTROKE_BODY_LIMIT_BYTES) });

/** Caps the body size (413 in the envelope), the larger cap only where keystrokes travel. */
export const limitBody: MiddlewareHandler<AppEnv> = (c, next) =>
  KEYSTROKE_ROUTES.some((r) => r.test(c.req.path)) ? keystrokeLimit(c, next) : defaultLimit(c, next);

const JSON_TYPE = /^application\/([a-z0-9.-]+\+)?json\b/i;

/**
 * Any request that carries a body must carry JSON. Parsing here (Hono caches the result for the
 * validators) turns malformed JSON into INVALID_REQUEST before any route sees it.
 */
export const requireJsonBody: MiddlewareHandler<AppEnv> = async (c, next) => {
  const hasBody = c.req.raw.body !== null && c.req.header("Content-Length") !== "0";
  if (!hasBody) return next();
  const type = c.req.header("Content-Type") ?? "";
  if (!JSON_TYPE.test(type)) {
    throw new ApiError("INVALID_REQUEST", "Request body must be JSON (Content-Type: application/json)");
  }
  try {
    await c.req.json();
  } catch (err) {
    if (err instanceof ApiError) throw err; // the body limit fires while the stream is read
    throw new ApiError("INVALID_REQUEST", "Malformed JSON in request body");
  }
  return next();
};

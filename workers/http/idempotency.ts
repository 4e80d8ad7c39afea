import type { MiddlewareHandler } from "hono";
import { ApiError, validationError } from "../errors";
import { sha256Hex } from "../domain/crypto";
import type { AppEnv } from "./types";

/** How long a key is remembered (the spec: 24 h). */
export const IDEMPOTENCY_TTL_MS = 24 * 60 * 60 * 1000;
const KEY_PATTERN = /^[\x21-\x7e]{1,128}$/;

/**
 * Honours `Idempotency-Key` on a creating POST. The first request with a key runs and its
 * response (any status below 500) is stored for 24 h; the same key with the same method, path
 * and body replays it (`Idempotent-Replayed: true`); with anything else it is a 409. A 5xx is
 * not stored, so the client can retry. Runs after authentication: keys are per user.
 */
export const idempotent: MiddlewareHandler<AppEnv> = async (c, next) => {
  const key = c.req.header("Idempotency-Key");
  if (key === undefined) return next();
  if (!KEY_PATTERN.test(key)) {
    throw validationError([{ field: "Idempotency-Key", message: "Must be 1-128 printable ASCII characters" }]);
  }
  const auth = c.get("auth") as AppEnv["Variables"]["auth"] | undefined;
  const scope = auth ? `user:${auth.userId}` : "anon";
  const body = c.req.raw.body ? await c.req.text() : "";
  const requestHash = await sha256Hex(`${c.req.method} ${c.req.path}\n${body}`);
  const now = new Date();
  const { idempotency } = c.var.repos;

  const claim = await idempotency.claim(scope, key, requestHash, now, new Date(now.getTime() + IDEMPOTENCY_TTL_MS));
  switch (claim.kind) {
    case "mismatch":
      throw new ApiError("CONFLICT", "Idempotency-Key was already used with a different request");
    case "in-progress":
      throw new ApiError("CONFLICT", "A request with this Idempotency-Key is still in progress", undefined, { "Retry-After": "1" });
    case "replay":
      return new Response(claim.response.body, {
        status: claim.response.status,
        headers: { "Content-Type": "application/json; charset=UTF-8", "Idempotent-Replayed": "true" },
      });
    case "claimed":
      break;
  }

  await next();
  if (c.res.status >= 500) {
    await idempotency.release(scope, key);
  } else {
    await idempotency.complete(scope, key, { status: c.res.status, body: await c.res.clone().text() });
  }
};

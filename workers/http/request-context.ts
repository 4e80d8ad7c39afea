import type { MiddlewareHandler } from "hono";
import type { AppEnv } from "./types";

const CLIENT_REQUEST_ID = /^[A-Za-z0-9_-]{1,64}$/;

/**
 * Echoes a well-formed client `X-Request-Id` (else mints one) and stamps every response,
 * including errors, with it and with `X-API-Version`.
 */
export const requestContext: MiddlewareHandler<AppEnv> = async (c, next) => {
  const sent = c.req.header("X-Request-Id");
  const requestId = sent && CLIENT_REQUEST_ID.test(sent) ? sent : crypto.randomUUID();
  c.set("requestId", requestId);
  await next();
  c.res.headers.set("X-Request-Id", requestId);
  c.res.headers.set("X-API-Version", "1");
};

import type { MiddlewareHandler } from "hono";
import { ApiError } from "../errors";
import { verifyAccessToken } from "../domain/tokens";
import type { AppEnv } from "./types";

const BEARER = /^Bearer\s+(\S+)$/i;

function unauthorized(message: string): ApiError {
  return new ApiError("UNAUTHORIZED", message, undefined, { "WWW-Authenticate": 'Bearer realm="typogram"' });
}

/**
 * Requires a valid access token whose tokenVersion is still the user's current one (signin,
 * logout and password changes bump it, killing every token issued before).
 */
export const requireAuth: MiddlewareHandler<AppEnv> = async (c, next) => {
  const token = BEARER.exec(c.req.header("Authorization") ?? "")?.[1];
  if (!token) throw unauthorized("Missing bearer token");
  const claims = await verifyAccessToken(token, c.var.config.jwtSecret);
  if (!claims) throw unauthorized("Invalid or expired token");
  const user = await c.var.repos.users.findAuthState(claims.userId);
  if (!user || user.tokenVersion !== claims.tokenVersion) throw unauthorized("Token has been revoked");
  c.set("auth", { userId: user.id, username: user.username, roles: user.roles });
  await next();
};

/** The Hono application: conventions of the API contract, then one router per resource. */
import { OpenAPIHono } from "@hono/zod-openapi";
import type { Context } from "hono";
import { cors } from "hono/cors";
import { HTTPException } from "hono/http-exception";
import { ConfigError, loadConfig } from "./config";
import { d1Repositories } from "./db/d1";
import { ApiError } from "./errors";
import { limitBody, requireJsonBody } from "./http/body";
import { errorBody } from "./http/envelope";
import { requestContext } from "./http/request-context";
import type { AppEnv } from "./http/types";
import { authRoutes } from "./routes/auth";
import { healthRoutes } from "./routes/health";
import { resultRoutes } from "./routes/results";
import { testRoutes } from "./routes/tests";
import { userRoutes } from "./routes/users";

/** Builds the app. Routers are mounted under `/api`; the OpenAPI document is generated from them. */
export function createApp() {
  const app = new OpenAPIHono<AppEnv>();

  app.use("*", requestContext);
  // Bearer tokens, not cookies, authenticate: any origin may call the API from a browser.
  app.use(
    "*",
    cors({
      origin: "*",
      allowHeaders: ["Authorization", "Content-Type", "Idempotency-Key", "X-Request-Id"],
      exposeHeaders: ["X-Request-Id", "X-API-Version", "Idempotent-Replayed", "Retry-After", "Allow"],
      maxAge: 86_400,
    }),
  );
  app.use("*", async (c, next) => {
    c.set("config", loadConfig(c.env));
    c.set("repos", d1Repositories(c.env.DB));
    await next();
  });
  app.use("*", limitBody);
  app.use("*", requireJsonBody);

  app.route("/api", healthRoutes);
  app.route("/api", authRoutes);
  app.route("/api", userRoutes);
  app.route("/api", testRoutes);
  app.route("/api", resultRoutes);

  app.openAPIRegistry.registerComponent("securitySchemes", "Bearer", {
    type: "http",
    scheme: "bearer",
    bearerFormat: "JWT",
  });
  app.doc31("/api/openapi.json", {
    openapi: "3.1.0",
    info: {
      title: "Typogram API",
      version: "1",
      description: "Typing tests with honest server-side scoring. Every response carries X-Request-Id and X-API-Version.",
    },
    servers: [{ url: "/" }],
  });

  const allowedMethods = methodTable(app.routes);
  app.notFound((c) => {
    const allowed = allowedMethods(c.req.path);
    if (allowed.length > 0) {
      return errorResponse(c, new ApiError("METHOD_NOT_ALLOWED", `${c.req.method} is not allowed here`, { allowed }, { Allow: allowed.join(", ") }));
    }
    return errorResponse(c, new ApiError("NOT_FOUND", `No route for ${c.req.method} ${c.req.path}`));
  });
  app.onError((err, c) => errorResponse(c, toApiError(err, c)));
  return app;
}

/** Maps anything thrown to the API error it should be reported as (logging the unexpected). */
function toApiError(err: unknown, c: Context<AppEnv>): ApiError {
  if (err instanceof ApiError) return err;
  if (err instanceof HTTPException) {
    // Hono's own validators throw these, e.g. for a JSON body that will not parse.
    if (err.status === 400) return new ApiError("INVALID_REQUEST", "Malformed JSON in request body");
    if (err.status === 413) return new ApiError("PAYLOAD_TOO_LARGE", "Request body too large");
  }
  const requestId = c.get("requestId");
  if (err instanceof ConfigError) {
    console.error(JSON.stringify({ event: "config_invalid", requestId, problems: err.problems }));
    return new ApiError("SERVICE_UNAVAILABLE", "Service is not configured");
  }
  console.error(
    JSON.stringify({ event: "unhandled_error", requestId, error: err instanceof Error ? `${err.name}: ${err.message}` : String(err), stack: err instanceof Error ? err.stack : undefined }),
  );
  return new ApiError("INTERNAL_ERROR", "Internal server error");
}

function errorResponse(c: Context<AppEnv>, err: ApiError): Response {
  const requestId = c.get("requestId") ?? crypto.randomUUID();
  const res = c.json(errorBody(err.code, err.message, requestId, err.details), err.status);
  for (const [name, value] of Object.entries(err.headers ?? {})) res.headers.set(name, value);
  return res;
}

/** For a path, the methods some route answers (so an unmatched method is 405, not 404). */
function methodTable(routes: ReadonlyArray<{ method: string; path: string }>): (path: string) => string[] {
  const table = routes
    .filter((r) => r.method !== "ALL")
    .map((r) => ({
      method: r.method.toUpperCase(),
      pattern: new RegExp(`^${r.path.replace(/[.+?^${}()|[\]\\]/g, "\\$&").replace(/:[^/]+/g, "[^/]+").replace(/\*/g, ".*")}$`),
    }));
  return (path) => {
    const methods = new Set(table.filter((r) => r.pattern.test(path)).map((r) => r.method));
    if (methods.has("GET")) methods.add("HEAD");
    return [...methods].sort();
  };
}


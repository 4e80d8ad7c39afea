/** /api/health: liveness of the database and bindings. */
import { createRoute, z } from "@hono/zod-openapi";
import { envelope, errorResponses, jsonResponse } from "../http/envelope";
import { createRouter } from "../http/router";
import { ApiError } from "../errors";

const CheckStatus = z.enum(["ok", "degraded", "down", "not_configured"]);
const HealthSchema = z
  .object({
    status: z.enum(["ok", "degraded"]),
    checks: z.object({ db: CheckStatus, queue: CheckStatus, rankings: CheckStatus }),
  })
  .openapi("Health");

const healthRoute = createRoute({
  method: "get",
  path: "/health",
  tags: ["Operations"],
  summary: "Health of the database, queues and rankings; 503 when the database is down",
  responses: {
    200: jsonResponse(envelope(HealthSchema), "Serving"),
    ...errorResponses("SERVICE_UNAVAILABLE"),
  },
});

export const healthRoutes = createRouter().openapi(healthRoute, async (c) => {
  try {
    await c.var.repos.health.ping();
  } catch (err) {
    console.error(JSON.stringify({ event: "health_db_down", error: String(err) }));
    throw new ApiError("SERVICE_UNAVAILABLE", "Database unavailable", {
      checks: { db: "down", queue: queueStatus(c.env.TEST_RESULTS_QUEUE), rankings: "not_configured" },
    });
  }
  const checks = { db: "ok" as const, queue: queueStatus(c.env.TEST_RESULTS_QUEUE), rankings: "not_configured" as const };
  const status = checks.queue === "ok" ? ("ok" as const) : ("degraded" as const);
  return c.json({ success: true as const, data: { status, checks } }, 200);
});

/** A queue cannot be probed without sending to it; a bound producer is what we can check. */
function queueStatus(queue: Queue | undefined): "ok" | "down" {
  return queue && typeof queue.send === "function" ? "ok" : "down";
}

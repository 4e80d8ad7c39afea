/** /api/test-results: the caller's own results. */
import { createRoute, z } from "@hono/zod-openapi";
import { envelope, errorResponses, jsonResponse, listEnvelope } from "../http/envelope";
import { requireAuth } from "../http/auth";
import { PageQuerySchema, paginate } from "../http/pagination";
import { createRouter } from "../http/router";
import { ApiError } from "../errors";
import type { TestResultRecord } from "../db/repositories";
import { IdParamSchema } from "./tests";

const TestResultSchema = z
  .object({
    id: z.number().int(),
    testId: z.number().int(),
    type: z.string(),
    wpm: z.number(),
    rawWpm: z.number(),
    accuracy: z.number(),
    errors: z.number().int(),
    correctChars: z.number().int(),
    consistency: z.number().nullable(),
    timeTaken: z.number(),
    flagged: z.boolean(),
    reattemptCount: z.number().int(),
    createdAt: z.string().openapi({ format: "date-time" }),
  })
  .openapi("TestResult");

const TestResultDetailSchema = TestResultSchema.extend({
  resultDetails: z.unknown().openapi({ description: "Typed text, keystroke data, flag reasons" }),
  testDetails: z.unknown().openapi({ description: "Snapshot of the test when it was typed" }),
}).openapi("TestResultDetail");

const ResultsQuery = PageQuerySchema.extend({ testId: z.coerce.number().int().positive().optional() });
const ResultPosition = z.object({ createdAt: z.number().int(), id: z.number().int() });

function toResultJson(r: TestResultRecord): z.infer<typeof TestResultSchema> {
  const { userId: _userId, createdAt, ...rest } = r;
  return { ...rest, createdAt: createdAt.toISOString() };
}

const listRoute = createRoute({
  method: "get",
  path: "/test-results",
  tags: ["Tests"],
  summary: "Own results, newest first",
  security: [{ Bearer: [] }],
  middleware: [requireAuth] as const,
  request: { query: ResultsQuery },
  responses: {
    200: jsonResponse(listEnvelope(TestResultSchema), "A page of results"),
    ...errorResponses("VALIDATION_ERROR", "UNAUTHORIZED"),
  },
});

const detailRoute = createRoute({
  method: "get",
  path: "/test-results/{id}",
  tags: ["Tests"],
  summary: "One own result with its details; another user's result is 404",
  security: [{ Bearer: [] }],
  middleware: [requireAuth] as const,
  request: { params: IdParamSchema },
  responses: {
    200: jsonResponse(envelope(TestResultDetailSchema), "The result"),
    ...errorResponses("VALIDATION_ERROR", "UNAUTHORIZED", "NOT_FOUND"),
  },
});

export const resultRoutes = createRouter()
  .openapi(listRoute, async (c) => {
    const { limit, cursor, testId } = c.req.valid("query");
    const userId = c.var.auth.userId;
    const page = await paginate(
      { limit, cursor },
      // Cursors are bound to the user: one user's cursor cannot be replayed by another.
      { secret: c.var.config.jwtSecret, scope: `results:${userId}` },
      ResultPosition,
      (before, take) => c.var.repos.testResults.listForUser(userId, { testId }, before, take),
      (r) => ({ createdAt: r.createdAt.getTime(), id: r.id }),
    );
    return c.json({ success: true as const, data: page.items.map(toResultJson), pagination: page.pagination }, 200);
  })
  .openapi(detailRoute, async (c) => {
    const { id } = c.req.valid("param");
    const result = await c.var.repos.testResults.findForUser(c.var.auth.userId, id);
    if (!result) throw new ApiError("NOT_FOUND", `Test result ${id} not found`);
    const { resultDetails, testDetails, ...summary } = result;
    return c.json({ success: true as const, data: { ...toResultJson(summary), resultDetails, testDetails } }, 200);
  });

/** /api/tests: the catalog, and submitting an attempt. */
import { createRoute, z } from "@hono/zod-openapi";
import { envelope, errorResponses, jsonBody, jsonResponse, listEnvelope } from "../http/envelope";
import { requireAuth } from "../http/auth";
import { idempotent } from "../http/idempotency";
import { PageQuerySchema, paginate } from "../http/pagination";
import { createRouter } from "../http/router";
import { ApiError } from "../errors";
import { submitAttempt } from "../services/submissions";

export const IdParamSchema = z.object({
  id: z.coerce.number().int().positive().openapi({ param: { name: "id", in: "path" }, example: 1 }),
});

const TestSummarySchema = z
  .object({
    id: z.number().int(),
    title: z.string(),
    category: z.string(),
    difficulty: z.string(),
    language: z.string(),
    durationSeconds: z.number().int(),
    wordCount: z.number().int(),
  })
  .openapi("TestSummary");

const TestDetailSchema = TestSummarySchema.extend({ content: z.string() }).openapi("TestDetail");

const TestListQuery = PageQuerySchema.extend({
  category: z.string().max(40).optional(),
  difficulty: z.enum(["easy", "medium", "hard"]).optional(),
  language: z.string().max(10).optional(),
});

const KeyTimingSchema = z.object({
  key: z.string().min(1).max(32),
  t: z.number().finite().min(0).openapi({ description: "ms since the start of the test" }),
  up: z.number().finite().min(0).optional().openapi({ description: "key-up, ms since the start" }),
  correct: z.boolean().optional(),
});

export const KeystrokeDataSchema = z
  .object({
    keyTimings: z.array(KeyTimingSchema).max(20_000),
    keyErrors: z.record(z.string().max(32), z.number().int().min(0)).default({}),
  })
  .openapi("KeystrokeData");

const SubmitBody = z
  .object({
    typedText: z.string().min(1, "Must not be empty").max(20_000),
    timeTaken: z.number().finite().positive().max(86_400).openapi({ description: "Seconds" }),
    keystrokeData: KeystrokeDataSchema.optional(),
  })
  .openapi("SubmitRequest");

const SubmitResultSchema = z
  .object({
    testResultId: z.number().int(),
    wpm: z.number(),
    rawWpm: z.number(),
    accuracy: z.number(),
    errors: z.number().int(),
    correctChars: z.number().int(),
    consistency: z.number().nullable(),
    flagged: z.boolean(),
    flagReasons: z.array(z.string()).openapi({ description: "Why the result was flagged (empty when not)" }),
    reattemptCount: z.number().int(),
  })
  .openapi("SubmitResult");

const listRoute = createRoute({
  method: "get",
  path: "/tests",
  tags: ["Tests"],
  summary: "List typing tests",
  request: { query: TestListQuery },
  responses: {
    200: jsonResponse(listEnvelope(TestSummarySchema), "A page of tests in catalog order"),
    ...errorResponses("VALIDATION_ERROR"),
  },
});

const detailRoute = createRoute({
  method: "get",
  path: "/tests/{id}",
  tags: ["Tests"],
  summary: "A typing test with its text",
  request: { params: IdParamSchema },
  responses: {
    200: jsonResponse(envelope(TestDetailSchema), "The test"),
    ...errorResponses("VALIDATION_ERROR", "NOT_FOUND"),
  },
});

const submitRoute = createRoute({
  method: "post",
  path: "/tests/{id}/submit",
  tags: ["Tests"],
  summary: "Submit an attempt; the server scores it",
  security: [{ Bearer: [] }],
  middleware: [requireAuth, idempotent] as const,
  request: {
    params: IdParamSchema,
    headers: z.object({ "idempotency-key": z.string().min(1).max(128).optional() }),
    body: jsonBody(SubmitBody),
  },
  responses: {
    201: jsonResponse(envelope(SubmitResultSchema), "Scored and stored"),
    ...errorResponses("INVALID_REQUEST", "VALIDATION_ERROR", "UNAUTHORIZED", "NOT_FOUND", "CONFLICT", "PAYLOAD_TOO_LARGE"),
  },
});

const CatalogPosition = z.object({ id: z.number().int().nonnegative() });

export const testRoutes = createRouter()
  .openapi(listRoute, async (c) => {
    const { limit, cursor, ...filter } = c.req.valid("query");
    const page = await paginate(
      { limit, cursor },
      { secret: c.var.config.jwtSecret, scope: "tests" },
      CatalogPosition,
      (after, take) => c.var.repos.tests.list(filter, after?.id ?? 0, take),
      (t) => ({ id: t.id }),
    );
    return c.json({ success: true as const, data: page.items, pagination: page.pagination }, 200);
  })
  .openapi(detailRoute, async (c) => {
    const { id } = c.req.valid("param");
    const test = await c.var.repos.tests.findById(id);
    if (!test) throw new ApiError("NOT_FOUND", `Test ${id} not found`);
    const { slug: _slug, ...data } = test;
    return c.json({ success: true as const, data }, 200);
  })
  .openapi(submitRoute, async (c) => {
    const { id } = c.req.valid("param");
    const data = await submitAttempt(c.env, c.var.repos, c.var.auth.userId, id, c.req.valid("json"), (p) =>
      c.executionCtx.waitUntil(p),
    );
    return c.json({ success: true as const, data, message: "Test submitted successfully" }, 201);
  });

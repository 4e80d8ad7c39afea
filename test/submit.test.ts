import { createExecutionContext, env, waitOnExecutionContext } from "cloudflare:test";
import { beforeAll, describe, expect, it } from "vitest";
import { createApp } from "../workers/app";
import { d1Repositories } from "../workers/db/d1";
import type { TestResultMessage } from "../workers/queues/messages";
import { sweepOutbox } from "../workers/services/result-publisher";
import { api, apiRequest, expectError, parse, signupUser, type TestUser } from "./helpers";

const CONTENT = "the quick test of honest scoring";
let testId: number;

beforeAll(async () => {
  const now = Date.now();
  const row = await env.DB.prepare(
    `INSERT INTO tests (slug, title, category, difficulty, language, duration_seconds, word_count, content, created_at, updated_at)
     VALUES ('scoring-fixture', 'Scoring fixture', 'quotes', 'easy', 'en', 30, 6, ?, ?, ?)
     ON CONFLICT(slug) DO UPDATE SET content = excluded.content RETURNING id`,
  ).bind(CONTENT, now, now).first<{ id: number }>();
  testId = row!.id;
});

function submit(user: TestUser, body: unknown, headers: Record<string, string> = {}) {
  return api("POST", `/api/tests/${testId}/submit`, { token: user.accessToken, body, headers });
}

/** Key timings that type `text` at a steady `intervalMs`. */
function steadyTimings(text: string, intervalMs: number) {
  return [...text].map((key, i) => ({ key, t: i * intervalMs }));
}

/** A queue binding that records what it is given and forwards to the real queue. */
function recordingQueue(real: Queue<TestResultMessage>, fail = false) {
  const sent: TestResultMessage[] = [];
  const queue = {
    async send(body: TestResultMessage, opts?: QueueSendOptions) {
      if (fail) throw new Error("queue unavailable");
      sent.push(body);
      return real.send(body, opts);
    },
    async sendBatch(batch: Iterable<MessageSendRequest<TestResultMessage>>, opts?: QueueSendBatchOptions) {
      if (fail) throw new Error("queue unavailable");
      for (const m of batch) sent.push(m.body);
      return real.sendBatch(batch, opts);
    },
  } as unknown as Queue<TestResultMessage>;
  return { queue, sent };
}

describe("submit scoring", () => {
  it("scores an exact copy", async () => {
    const user = await signupUser();
    const res = await submit(user, { typedText: CONTENT, timeTaken: 6 });
    expect(res.status).toBe(201);
    // 32 chars in 6 s: 32 / 5 / 0.1 = 64 wpm
    expect(res.body.data).toMatchObject({ wpm: 64, rawWpm: 64, accuracy: 100, errors: 0, correctChars: 32, consistency: null, flagged: false, flagReasons: [], reattemptCount: 0 });
    expect(res.body.message).toBe("Test submitted successfully");
  });

  it("counts substitutions and characters past the end as errors", async () => {
    const user = await signupUser();
    const typed = "thx quick test of honest scoring!!"; // 1 wrong + 2 extra of 34
    const res = await submit(user, { typedText: typed, timeTaken: 10 });
    expect(res.body.data).toMatchObject({ errors: 3, correctChars: 31, wpm: 37.2, rawWpm: 40.8, accuracy: 91.18 });
  });

  it("scores a partial attempt on the characters typed", async () => {
    const user = await signupUser();
    const res = await submit(user, { typedText: "the quick", timeTaken: 3 });
    expect(res.body.data).toMatchObject({ errors: 0, correctChars: 9, wpm: 36, accuracy: 100 });
  });

  it("derives consistency from key timings", async () => {
    const user = await signupUser();
    const res = await submit(user, { typedText: CONTENT, timeTaken: 6.4, keystrokeData: { keyTimings: steadyTimings(CONTENT, 200), keyErrors: {} } });
    expect(res.body.data.consistency).toBeGreaterThan(90);
    expect(res.body.data.flagged).toBe(false);
  });

  it("flags implausible results but stores them", async () => {
    const user = await signupUser();
    const fast = await submit(user, { typedText: CONTENT, timeTaken: 1 }); // 384 wpm
    expect(fast.status).toBe(201);
    expect(fast.body.data).toMatchObject({ flagged: true, flagReasons: ["WPM_ABOVE_CEILING"] });

    const pasted = await submit(user, { typedText: CONTENT, timeTaken: 10, keystrokeData: { keyTimings: [{ key: "Control", t: 0 }, { key: "v", t: 50 }], keyErrors: {} } });
    expect(pasted.body.data).toMatchObject({ flagged: true, flagReasons: ["KEYSTROKES_CANNOT_PRODUCE_TEXT"] });

    const stretched = await submit(user, { typedText: CONTENT, timeTaken: 3, keystrokeData: { keyTimings: steadyTimings(CONTENT, 200), keyErrors: {} } });
    expect(stretched.body.data.flagReasons).toContain("TIME_SHORTER_THAN_KEYSTROKES");

    const detail = await api("GET", `/api/test-results/${pasted.body.data.testResultId}`, { token: user.accessToken });
    expect(detail.body.data.flagged).toBe(true);
    expect(detail.body.data.resultDetails.flagReasons).toEqual(["KEYSTROKES_CANNOT_PRODUCE_TEXT"]);
  });

  it("counts reattempts", async () => {
    const user = await signupUser();
    await submit(user, { typedText: "the", timeTaken: 1 });
    const second = await submit(user, { typedText: "the", timeTaken: 1 });
    expect(second.body.data.reattemptCount).toBe(1);
  });

  it.each([
    ["empty typedText", { typedText: "", timeTaken: 5 }, "typedText"],
    ["zero timeTaken", { typedText: "the", timeTaken: 0 }, "timeTaken"],
    ["negative timeTaken", { typedText: "the", timeTaken: -3 }, "timeTaken"],
    ["string timeTaken", { typedText: "the", timeTaken: "5" }, "timeTaken"],
    ["missing typedText", { timeTaken: 5 }, "typedText"],
    ["key timing without t", { typedText: "the", timeTaken: 5, keystrokeData: { keyTimings: [{ key: "t" }], keyErrors: {} } }, "keystrokeData.keyTimings.0.t"],
    ["negative error count", { typedText: "the", timeTaken: 5, keystrokeData: { keyTimings: [], keyErrors: { t: -1 } } }, "keystrokeData.keyErrors.t"],
  ])("rejects %s with VALIDATION_ERROR and stores nothing", async (_name, body, field) => {
    const user = await signupUser();
    const err = expectError(await submit(user, body), 400, "VALIDATION_ERROR");
    expect(err.details.fields.map((f: { field: string }) => f.field)).toContain(field);
    const count = await env.DB.prepare("SELECT count(*) AS n FROM test_results WHERE user_id = ?").bind(user.id).first<{ n: number }>();
    expect(count!.n).toBe(0);
  });

  it("needs authentication and an existing test", async () => {
    const user = await signupUser();
    expectError(await api("POST", `/api/tests/${testId}/submit`, { body: { typedText: "the", timeTaken: 1 } }), 401, "UNAUTHORIZED");
    expectError(await api("POST", "/api/tests/999999/submit", { token: user.accessToken, body: { typedText: "the", timeTaken: 1 } }), 404, "NOT_FOUND");
  });

  it("updates the profile stats from unflagged results only", async () => {
    const user = await signupUser();
    await submit(user, { typedText: CONTENT, timeTaken: 6 }); // 64 wpm, 100 %
    await submit(user, { typedText: "thx quick test of honest scoring!!", timeTaken: 10 }); // 37.2 wpm, 91.18 %
    await submit(user, { typedText: CONTENT, timeTaken: 1 }); // flagged
    const stats = (await api("GET", "/api/user/profile", { token: user.accessToken })).body.data.stats;
    expect(stats).toEqual({ testsCompleted: 2, bestWpm: 64, averageWpm: 50.6, averageAccuracy: 95.59 });
  });
});

describe("results", () => {
  it("lists own results newest first with cursor pagination and a test filter", async () => {
    const user = await signupUser();
    const ids: number[] = [];
    for (let i = 1; i <= 5; i++) ids.push((await submit(user, { typedText: CONTENT.slice(0, i * 5), timeTaken: 5 })).body.data.testResultId);
    const other = await signupUser();
    await submit(other, { typedText: "the", timeTaken: 1 });

    const page1 = await api("GET", "/api/test-results?limit=2", { token: user.accessToken });
    expect(page1.body.data.map((r: { id: number }) => r.id)).toEqual([ids[4], ids[3]]);
    expect(page1.body.pagination.has_more).toBe(true);
    const page2 = await api("GET", `/api/test-results?limit=2&cursor=${encodeURIComponent(page1.body.pagination.next_cursor)}`, { token: user.accessToken });
    expect(page2.body.data.map((r: { id: number }) => r.id)).toEqual([ids[2], ids[1]]);
    const page3 = await api("GET", `/api/test-results?limit=2&cursor=${encodeURIComponent(page2.body.pagination.next_cursor)}`, { token: user.accessToken });
    expect(page3.body.data.map((r: { id: number }) => r.id)).toEqual([ids[0]]);
    expect(page3.body.pagination).toEqual({ next_cursor: null, has_more: false });

    expect(page1.body.data[0]).toMatchObject({ testId, wpm: expect.any(Number), createdAt: expect.any(String) });
    expect(page1.body.data[0].resultDetails).toBeUndefined();

    const filtered = await api("GET", `/api/test-results?testId=1`, { token: user.accessToken });
    expect(filtered.body.data).toEqual([]);

    // A cursor is bound to its user: another user cannot replay it.
    const stolen = await api("GET", `/api/test-results?cursor=${encodeURIComponent(page1.body.pagination.next_cursor)}`, { token: other.accessToken });
    expectError(stolen, 400, "VALIDATION_ERROR");
  });

  it("shows one own result with details and hides other users' results as 404", async () => {
    const owner = await signupUser();
    const keyTimings = steadyTimings(CONTENT, 150);
    const id = (await submit(owner, { typedText: CONTENT, timeTaken: 5, keystrokeData: { keyTimings, keyErrors: { q: 1 } } })).body.data.testResultId;
    const mine = await api("GET", `/api/test-results/${id}`, { token: owner.accessToken });
    expect(mine.status).toBe(200);
    expect(mine.body.data.resultDetails).toMatchObject({ typedText: CONTENT, keystrokeData: { keyTimings, keyErrors: { q: 1 } } });
    expect(mine.body.data.testDetails).toMatchObject({ title: "Scoring fixture", category: "quotes", contentLength: 32 });

    const stranger = await signupUser();
    expectError(await api("GET", `/api/test-results/${id}`, { token: stranger.accessToken }), 404, "NOT_FOUND");
    expectError(await api("GET", "/api/test-results/99999999", { token: owner.accessToken }), 404, "NOT_FOUND");
    expectError(await api("GET", `/api/test-results/${id}`), 401, "UNAUTHORIZED");
  });
});

describe("idempotency", () => {
  it("replays the first response for the same key and body, storing one row", async () => {
    const user = await signupUser();
    const body = { typedText: CONTENT, timeTaken: 6 };
    const first = await submit(user, body, { "Idempotency-Key": "submit-001" });
    const again = await submit(user, body, { "Idempotency-Key": "submit-001" });
    expect(again.status).toBe(201);
    expect(again.body).toEqual(first.body);
    expect(again.headers.get("Idempotent-Replayed")).toBe("true");
    const count = await env.DB.prepare("SELECT count(*) AS n FROM test_results WHERE user_id = ?").bind(user.id).first<{ n: number }>();
    expect(count!.n).toBe(1);
  });

  it("answers the same key with another body with 409", async () => {
    const user = await signupUser();
    await submit(user, { typedText: CONTENT, timeTaken: 6 }, { "Idempotency-Key": "k-2" });
    expectError(await submit(user, { typedText: CONTENT, timeTaken: 7 }, { "Idempotency-Key": "k-2" }), 409, "CONFLICT");
  });

  it("scopes keys per user", async () => {
    const a = await signupUser();
    const b = await signupUser();
    const ra = await submit(a, { typedText: "the", timeTaken: 1 }, { "Idempotency-Key": "shared" });
    const rb = await submit(b, { typedText: "the", timeTaken: 1 }, { "Idempotency-Key": "shared" });
    expect(rb.headers.get("Idempotent-Replayed")).toBeNull();
    expect(rb.body.data.testResultId).not.toBe(ra.body.data.testResultId);
  });

  it("replays a stored client error too, and rejects malformed keys", async () => {
    const user = await signupUser();
    const bad = { typedText: "the", timeTaken: 0 };
    const first = await submit(user, bad, { "Idempotency-Key": "bad-1" });
    expectError(first, 400, "VALIDATION_ERROR");
    const again = await submit(user, bad, { "Idempotency-Key": "bad-1" });
    expect(again.headers.get("Idempotent-Replayed")).toBe("true");
    expect(again.body).toEqual(first.body);
    const err = expectError(await submit(user, { typedText: "the", timeTaken: 1 }, { "Idempotency-Key": "x".repeat(129) }), 400, "VALIDATION_ERROR");
    expect(err.details.fields[0].field).toBe("Idempotency-Key");
  });

  it("expires keys after 24 hours", async () => {
    const user = await signupUser();
    const body = { typedText: "the", timeTaken: 1 };
    const first = await submit(user, body, { "Idempotency-Key": "old" });
    await env.DB.prepare("UPDATE idempotency_keys SET expires_at = ? WHERE scope = ?").bind(Date.now() - 1, `user:${user.id}`).run();
    const later = await submit(user, body, { "Idempotency-Key": "old" });
    expect(later.headers.get("Idempotent-Replayed")).toBeNull();
    expect(later.body.data.testResultId).not.toBe(first.body.data.testResultId);
    const row = await env.DB.prepare("SELECT expires_at - created_at AS ttl FROM idempotency_keys WHERE scope = ?").bind(`user:${user.id}`).first<{ ttl: number }>();
    expect(row!.ttl).toBe(24 * 60 * 60 * 1000);
  });
});

describe("test-results queue hand-off", () => {
  it("sends {userId, testResultId, testId, category, wpm, accuracy, flagged, timestamp} after storing", async () => {
    const user = await signupUser();
    const { queue, sent } = recordingQueue(env.TEST_RESULTS_QUEUE);
    const ctx = createExecutionContext();
    const res = await parse(
      await createApp().fetch(apiRequest("POST", `/api/tests/${testId}/submit`, { token: user.accessToken, body: { typedText: CONTENT, timeTaken: 6 } }), { ...env, TEST_RESULTS_QUEUE: queue }, ctx),
    );
    await waitOnExecutionContext(ctx);
    expect(res.status).toBe(201);
    const id = res.body.data.testResultId;
    expect(sent).toEqual([
      { userId: user.id, testResultId: id, testId, category: "quotes", wpm: 64, accuracy: 100, flagged: false, timestamp: expect.stringMatching(/Z$/) },
    ]);
    const row = await env.DB.prepare("SELECT queued_at FROM test_results WHERE id = ?").bind(id).first<{ queued_at: number | null }>();
    expect(row!.queued_at).toEqual(expect.any(Number));
    const sweep = recordingQueue(env.TEST_RESULTS_QUEUE);
    await sweepOutbox({ ...env, TEST_RESULTS_QUEUE: sweep.queue }, d1Repositories(env.DB));
    expect(sweep.sent.map((m) => m.testResultId)).not.toContain(id);
  });

  it("keeps the result when the queue is down and the outbox sweep delivers it later", async () => {
    const user = await signupUser();
    const down = recordingQueue(env.TEST_RESULTS_QUEUE, true);
    const ctx = createExecutionContext();
    const res = await parse(
      await createApp().fetch(apiRequest("POST", `/api/tests/${testId}/submit`, { token: user.accessToken, body: { typedText: CONTENT, timeTaken: 6 } }), { ...env, TEST_RESULTS_QUEUE: down.queue }, ctx),
    );
    await waitOnExecutionContext(ctx);
    expect(res.status).toBe(201);
    const id = res.body.data.testResultId;
    expect((await env.DB.prepare("SELECT queued_at FROM test_results WHERE id = ?").bind(id).first<{ queued_at: number | null }>())!.queued_at).toBeNull();

    const up = recordingQueue(env.TEST_RESULTS_QUEUE);
    const repos = d1Repositories(env.DB);
    expect(await sweepOutbox({ ...env, TEST_RESULTS_QUEUE: up.queue }, repos)).toBeGreaterThanOrEqual(1);
    expect(up.sent.find((m) => m.testResultId === id)).toMatchObject({ userId: user.id, category: "quotes", wpm: 64 });
    expect((await env.DB.prepare("SELECT queued_at FROM test_results WHERE id = ?").bind(id).first<{ queued_at: number | null }>())!.queued_at).toEqual(expect.any(Number));
  });
});

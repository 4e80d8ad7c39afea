/**
 * Hands stored results to the `test-results` queue. Rows are written with `queued_at` null and
 * marked once the queue has accepted the message; the scheduled sweep re-sends rows still
 * unmarked, so a failed hand-off delays a result but never loses it (consumers are idempotent).
 */
import type { Env } from "../env";
import type { Repositories, TestResultRecord } from "../db/repositories";
import type { TestResultMessage } from "../queues/messages";

/** The queue message for a stored result. */
export function testResultMessage(result: TestResultRecord, category: string): TestResultMessage {
  return {
    userId: result.userId,
    testResultId: result.id,
    testId: result.testId,
    category,
    wpm: result.wpm,
    accuracy: result.accuracy,
    flagged: result.flagged,
    timestamp: result.createdAt.toISOString(),
  };
}

/**
 * Sends one result's message; returns whether the queue accepted it. Marking the row is left
 * to `waitUntil` so it does not delay the response.
 */
export async function publishTestResult(
  env: Env,
  repos: Repositories,
  result: TestResultRecord,
  category: string,
  waitUntil: (p: Promise<unknown>) => void,
): Promise<boolean> {
  try {
    await env.TEST_RESULTS_QUEUE.send(testResultMessage(result, category), { contentType: "json" });
  } catch (err) {
    console.error(JSON.stringify({ event: "test_result_enqueue_failed", testResultId: result.id, error: String(err) }));
    return false;
  }
  waitUntil(repos.testResults.markQueued([result.id], new Date()));
  return true;
}

/** Results older than this with no queue mark are considered lost in hand-off. */
export const OUTBOX_GRACE_MS = 2 * 60_000;
const OUTBOX_BATCH = 100;

/** Re-sends results whose hand-off never completed; returns how many were sent. */
export async function sweepOutbox(env: Env, repos: Repositories, now = new Date()): Promise<number> {
  const owed = await repos.testResults.listUnqueued(new Date(now.getTime() - OUTBOX_GRACE_MS), OUTBOX_BATCH);
  if (owed.length === 0) return 0;
  await env.TEST_RESULTS_QUEUE.sendBatch(
    owed.map((r) => ({ body: testResultMessage(r, r.category), contentType: "json" as const })),
  );
  await repos.testResults.markQueued(
    owed.map((r) => r.id),
    now,
  );
  return owed.length;
}

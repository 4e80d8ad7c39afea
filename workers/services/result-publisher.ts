/**
 * Hands stored results to the `test-results` queue. Rows are inserted already marked as queued
 * (a second write per submit would cost ~40 % of submit throughput); when the send fails the
 * mark is cleared and the scheduled sweep re-sends the row later, so a failed hand-off delays a
 * result but does not lose it. Consumers are idempotent, so a re-send is harmless.
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
 * Sends one result's message. On failure the row's queue mark is cleared (in `waitUntil`, off
 * the response path) so the sweep picks it up; the submit itself still succeeds.
 */
export async function publishTestResult(
  env: Env,
  repos: Repositories,
  result: TestResultRecord,
  category: string,
  waitUntil: (p: Promise<unknown>) => void,
): Promise<void> {
  try {
    await env.TEST_RESULTS_QUEUE.send(testResultMessage(result, category), { contentType: "json" });
  } catch (err) {
    console.error(JSON.stringify({ event: "test_result_enqueue_failed", testResultId: result.id, error: String(err) }));
    waitUntil(repos.testResults.markOwed(result.id));
  }
}

const OUTBOX_BATCH = 100;

/** Re-sends results whose hand-off never completed; returns how many were sent. */
export async function sweepOutbox(env: Env, repos: Repositories, now = new Date()): Promise<number> {
  const owed = await repos.testResults.listUnqueued(OUTBOX_BATCH);
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

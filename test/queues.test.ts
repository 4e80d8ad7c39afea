import { createExecutionContext, createMessageBatch, env, getQueueResult } from "cloudflare:test";
import { describe, expect, it, vi } from "vitest";
import { handleQueue, MAX_RETRY_DELAY_SECONDS } from "../workers/queues/dispatch";

describe("queue dispatch", () => {
  it("retries a dead letter it could not record, with backoff", async () => {
    const batch = createMessageBatch("email-send-dlq", [{ id: "dead-msg-2", timestamp: new Date(), attempts: 3, body: { x: 1 } }]);
    const retry = vi.spyOn(batch.messages[0]!, "retry");
    const brokenDb = { prepare: () => { throw new Error("D1 down"); } } as unknown as D1Database;
    const ctx = createExecutionContext();
    await handleQueue(batch, { ...env, DB: brokenDb }, ctx);
    const result = await getQueueResult(batch, ctx);
    expect(result.explicitAcks).toEqual([]);
    expect(retry).toHaveBeenCalledWith({ delaySeconds: 8 });
  });

  it("records dead letters once, however often they are delivered, and acks them", async () => {
    const body = { userId: 7, testResultId: 42, wpm: 80 };
    const batch = createMessageBatch("test-results-dlq", [
      { id: "dead-msg-1", timestamp: new Date(), attempts: 1, body },
      { id: "dead-msg-1", timestamp: new Date(), attempts: 2, body },
    ]);
    const ctx = createExecutionContext();
    await handleQueue(batch, env, ctx);
    const result = await getQueueResult(batch, ctx);
    expect(result.explicitAcks.sort()).toEqual(["dead-msg-1", "dead-msg-1"]);
    const rows = await env.DB.prepare("SELECT queue, message_id, body, attempts FROM dead_letters WHERE message_id = 'dead-msg-1'").all();
    expect(rows.results).toEqual([{ queue: "test-results", message_id: "dead-msg-1", body: JSON.stringify(body), attempts: 1 }]);
  });

  it("parks messages of a queue that has no consumer yet for the longest delay, dropping nothing", async () => {
    const batch = createMessageBatch("leaderboard-updates", [
      { id: "m1", timestamp: new Date(), attempts: 1, body: {} },
      { id: "m2", timestamp: new Date(), attempts: 3, body: {} },
    ]);
    const retries = batch.messages.map((m) => vi.spyOn(m, "retry"));
    const ctx = createExecutionContext();
    await handleQueue(batch, env, ctx);
    const result = await getQueueResult(batch, ctx);
    expect(result.explicitAcks).toEqual([]);
    expect(result.retryMessages.map((r) => r.msgId)).toEqual(["m1", "m2"]);
    expect(retries[0]).toHaveBeenCalledWith({ delaySeconds: MAX_RETRY_DELAY_SECONDS });
    expect(retries[1]).toHaveBeenCalledWith({ delaySeconds: MAX_RETRY_DELAY_SECONDS });
  });
});

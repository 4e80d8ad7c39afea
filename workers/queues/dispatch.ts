/**
 * The Worker's queue handler: routes each batch to the consumer of its queue. Dead-letter
 * queues are recorded in `dead_letters` for an operator to inspect and replay.
 */
import type { Env } from "../env";
import { d1Repositories } from "../db/d1";
import { retryDelaySeconds } from "./backoff";

type Consumer = (batch: MessageBatch<unknown>, env: Env, ctx: ExecutionContext) => Promise<void>;

const DEAD_LETTER_SUFFIX = "-dlq";

/** Consumers of the work queues, by queue name (the pipeline issue registers them). */
const consumers: Record<string, Consumer> = {};

/** Records every dead message once (redelivery is harmless), acking each as it is stored. */
export const recordDeadLetters: Consumer = async (batch, env) => {
  const repos = d1Repositories(env.DB);
  const origin = batch.queue.slice(0, -DEAD_LETTER_SUFFIX.length);
  for (const msg of batch.messages) {
    try {
      await repos.deadLetters.record(origin, msg.id, msg.body, msg.attempts, new Date());
      msg.ack();
    } catch (err) {
      console.error(JSON.stringify({ event: "dead_letter_record_failed", queue: batch.queue, messageId: msg.id, error: String(err) }));
      msg.retry({ delaySeconds: retryDelaySeconds(msg.attempts) });
    }
  }
};

/** The longest delay Cloudflare Queues accept for a retry (12 hours). */
export const MAX_RETRY_DELAY_SECONDS = 43_200;

/**
 * Dispatches a batch. Messages of a queue whose consumer is not deployed yet are parked with
 * the longest retry delay: they wait for it (days, given max_retries) instead of churning
 * through their retries into the dead-letter queue within a minute.
 */
export async function handleQueue(batch: MessageBatch<unknown>, env: Env, ctx: ExecutionContext): Promise<void> {
  const consumer = batch.queue.endsWith(DEAD_LETTER_SUFFIX) ? recordDeadLetters : consumers[batch.queue];
  if (consumer) return consumer(batch, env, ctx);
  console.warn(JSON.stringify({ event: "queue_without_consumer", queue: batch.queue, messages: batch.messages.length }));
  for (const msg of batch.messages) msg.retry({ delaySeconds: MAX_RETRY_DELAY_SECONDS });
}

import type { DeadLetterRecordable, TestResultMessage } from "./queues/messages";

/** The bindings and variables the Worker runs with (wrangler.toml, `.dev.vars`, secrets). */
export interface Env {
  DB: D1Database;
  TEST_RESULTS_QUEUE: Queue<TestResultMessage>;
  KEYSTROKE_ANALYTICS_QUEUE: Queue<DeadLetterRecordable>;
  LEADERBOARD_UPDATES_QUEUE: Queue<DeadLetterRecordable>;
  EMAIL_SEND_QUEUE: Queue<DeadLetterRecordable>;
  ENVIRONMENT?: string;
  JWT_SECRET?: string;
  PAYMENT_WEBHOOK_SECRET?: string;
  ACCESS_TOKEN_TTL_SECONDS?: string;
  REFRESH_TOKEN_TTL_DAYS?: string;
}

/** The Worker entry: HTTP through Hono, queue batches, and the scheduled maintenance sweep. */
import { createApp } from "./app";
import { d1Repositories } from "./db/d1";
import type { Env } from "./env";
import { handleQueue } from "./queues/dispatch";
import { sweepOutbox } from "./services/result-publisher";

const app = createApp();

export default {
  fetch: app.fetch,
  queue: handleQueue,
  async scheduled(_controller, env, ctx) {
    const repos = d1Repositories(env.DB);
    const now = new Date();
    ctx.waitUntil(
      Promise.all([sweepOutbox(env, repos, now), repos.idempotency.purgeExpired(now)]).then(([resent, purged]) =>
        console.log(JSON.stringify({ event: "maintenance", resent, purgedIdempotencyKeys: purged })),
      ),
    );
  },
} satisfies ExportedHandler<Env>;

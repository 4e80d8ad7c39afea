import type { D1Migration } from "cloudflare:test";
import type { Env as TypogramEnv } from "../workers/env";

declare global {
  namespace Cloudflare {
    interface Env extends TypogramEnv {
      TEST_MIGRATIONS: D1Migration[];
      JWT_SECRET: string;
    }
  }
}

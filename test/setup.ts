import { applyD1Migrations, env } from "cloudflare:test";
import { catalogSeedStatements } from "../workers/catalog/seed";

// Same migrations and seed as `npm start`; both are idempotent, so re-running per file is safe.
await applyD1Migrations(env.DB, env.TEST_MIGRATIONS);
await env.DB.batch(catalogSeedStatements().map((s) => env.DB.prepare(s.sql).bind(...s.params)));

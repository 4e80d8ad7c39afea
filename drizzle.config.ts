import { defineConfig } from "drizzle-kit";

/** drizzle-kit reads the schema and writes D1 migrations that wrangler applies. */
export default defineConfig({
  dialect: "sqlite",
  schema: "./workers/db/schema.ts",
  out: "./migrations",
});

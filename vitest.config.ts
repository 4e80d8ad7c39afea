import { cloudflareTest, readD1Migrations } from "@cloudflare/vitest-plugin";
import { defineConfig } from "vitest/config";

/**
 * Every test runs inside workerd with the bindings of wrangler.toml (local D1, queues), plus
 * test secrets and the migrations the setup file applies.
 */
export default defineConfig({
  plugins: [
    cloudflareTest(async () => ({
      remoteBindings: false,
      wrangler: { configPath: "./wrangler.toml" },
      miniflare: {
        bindings: {
          ENVIRONMENT: "test",
          JWT_SECRET: "test-jwt-secret-0123456789abcdef0123456789abcdef",
          PAYMENT_WEBHOOK_SECRET: "test-payment-webhook-secret",
          TEST_MIGRATIONS: await readD1Migrations("./migrations"),
        },
      },
    })),
  ],
  test: {
    include: ["workers/**/*.test.ts", "test/**/*.test.ts"],
    setupFiles: ["./test/setup.ts"],
  },
});

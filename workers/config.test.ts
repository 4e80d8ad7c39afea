import { describe, expect, it } from "vitest";
import { ConfigError, loadConfig } from "./config";
import type { Env } from "./env";

const base = { JWT_SECRET: "j".repeat(32), PAYMENT_WEBHOOK_SECRET: "p".repeat(16) } as Env;

describe("loadConfig", () => {
  it("reads secrets and defaults the non-secret settings", () => {
    expect(loadConfig({ ...base, ENVIRONMENT: "development" })).toEqual({
      environment: "development",
      jwtSecret: "j".repeat(32),
      paymentWebhookSecret: "p".repeat(16),
      accessTokenTtlSeconds: 900,
      refreshTokenTtlDays: 30,
    });
  });

  it("takes production as the environment when none is set", () => {
    expect(loadConfig({ ...base }).environment).toBe("production");
  });

  it("names every missing or invalid setting", () => {
    try {
      loadConfig({ ENVIRONMENT: "staging", JWT_SECRET: "short", ACCESS_TOKEN_TTL_SECONDS: "abc" } as Env);
      expect.unreachable();
    } catch (err) {
      expect(err).toBeInstanceOf(ConfigError);
      const text = (err as ConfigError).problems.join("\n");
      for (const name of ["ENVIRONMENT", "JWT_SECRET", "PAYMENT_WEBHOOK_SECRET", "ACCESS_TOKEN_TTL_SECONDS"]) expect(text).toContain(name);
    }
  });

  it("parses numeric settings from strings", () => {
    expect(loadConfig({ ...base, ACCESS_TOKEN_TTL_SECONDS: "600", REFRESH_TOKEN_TTL_DAYS: "7" })).toMatchObject({ accessTokenTtlSeconds: 600, refreshTokenTtlDays: 7 });
  });
});

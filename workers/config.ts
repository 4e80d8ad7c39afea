/**
 * Configuration is read and validated here, and only here. Secrets have no defaults in any
 * environment: a Worker without JWT_SECRET refuses to serve rather than sign with a guess.
 */
import { z } from "zod";
import type { Env } from "./env";

const ConfigSchema = z.object({
  environment: z.enum(["development", "test", "production"]),
  jwtSecret: z.string().min(32, "JWT_SECRET must be at least 32 characters"),
  paymentWebhookSecret: z.string().min(16, "PAYMENT_WEBHOOK_SECRET must be at least 16 characters"),
  accessTokenTtlSeconds: z.coerce.number().int().min(60).max(86_400).default(900),
  refreshTokenTtlDays: z.coerce.number().int().min(1).max(365).default(30),
});

export type Config = z.infer<typeof ConfigSchema>;

/** Raised when the environment cannot produce a valid configuration. */
export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration: ${problems.join("; ")}`);
    this.name = "ConfigError";
  }
}

/** Each setting and the env variable it is read from: the one place names are mapped. */
const ENV_NAMES = {
  environment: "ENVIRONMENT",
  jwtSecret: "JWT_SECRET",
  paymentWebhookSecret: "PAYMENT_WEBHOOK_SECRET",
  accessTokenTtlSeconds: "ACCESS_TOKEN_TTL_SECONDS",
  refreshTokenTtlDays: "REFRESH_TOKEN_TTL_DAYS",
} as const satisfies Record<keyof Config, keyof Env>;

const parsed = new WeakMap<object, Config>();

/**
 * Parses the configuration from the Worker's env, once per env object (bindings are stable
 * for the life of an isolate). Throws ConfigError naming every missing or invalid setting.
 */
export function loadConfig(env: Env): Config {
  const cached = parsed.get(env);
  if (cached) return cached;
  const input = Object.fromEntries(Object.entries(ENV_NAMES).map(([key, name]) => [key, env[name]]));
  const result = ConfigSchema.safeParse({ ...input, environment: env.ENVIRONMENT ?? "production" });
  if (!result.success) {
    throw new ConfigError(result.error.issues.map((i) => `${ENV_NAMES[i.path[0] as keyof Config] ?? String(i.path[0])}: ${i.message}`));
  }
  parsed.set(env, result.data);
  return result.data;
}

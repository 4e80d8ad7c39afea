import type { Config } from "../config";
import type { Env } from "../env";
import type { Repositories } from "../db/repositories";

/** Who is calling, once the bearer token has been verified against the database. */
export interface AuthContext {
  userId: number;
  username: string;
  roles: string[];
}

/** Hono's environment for every route: bindings plus what middleware puts on the context. */
export interface AppEnv {
  Bindings: Env;
  Variables: {
    requestId: string;
    config: Config;
    repos: Repositories;
    auth: AuthContext;
  };
}

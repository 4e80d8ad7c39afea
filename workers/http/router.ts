import { OpenAPIHono } from "@hono/zod-openapi";
import { validationError, type FieldIssue } from "../errors";
import type { AppEnv } from "./types";

/**
 * A router for one resource. Its validation hook turns every zod failure into a
 * VALIDATION_ERROR that lists each bad field, so no route formats errors itself.
 */
export function createRouter() {
  return new OpenAPIHono<AppEnv>({
    defaultHook: (result) => {
      if (result.success) return;
      const fields: FieldIssue[] = result.error.issues.map((issue) => ({
        field: issue.path.length > 0 ? issue.path.map(String).join(".") : "body",
        message: issue.message,
      }));
      throw validationError(fields);
    },
  });
}

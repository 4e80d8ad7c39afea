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
      // One entry per field; a field breaking several rules gets its messages joined.
      const byField = new Map<string, string[]>();
      for (const issue of result.error.issues) {
        const field = issue.path.length > 0 ? issue.path.map(String).join(".") : "body";
        byField.set(field, [...(byField.get(field) ?? []), issue.message]);
      }
      const fields: FieldIssue[] = [...byField].map(([field, messages]) => ({ field, message: messages.join("; ") }));
      throw validationError(fields);
    },
  });
}

/** /api/user: own profile (read, update) and public profiles. */
import { createRoute, z } from "@hono/zod-openapi";
import { envelope, errorResponses, jsonBody, jsonResponse } from "../http/envelope";
import { requireAuth } from "../http/auth";
import { createRouter } from "../http/router";
import { ApiError, validationError } from "../errors";
import { UniqueViolation, type UserRecord, type UserStats } from "../db/repositories";
import { round2 } from "../domain/scoring";
import { hashPassword, verifyPassword } from "../domain/password";
import { conflict, issueSession } from "../services/auth";
import { EmailSchema, PasswordSchema, UsernameSchema } from "./auth";
import { IdParamSchema } from "./tests";

const StatsSchema = z
  .object({
    testsCompleted: z.number().int(),
    bestWpm: z.number().nullable(),
    averageWpm: z.number().nullable(),
    averageAccuracy: z.number().nullable(),
  })
  .openapi("UserStats");

const PublicProfileSchema = z
  .object({ id: z.number().int(), username: z.string(), createdAt: z.string(), stats: StatsSchema })
  .openapi("PublicProfile");

const ProfileSchema = PublicProfileSchema.extend({ email: z.string(), referralCode: z.string(), roles: z.array(z.string()) }).openapi(
  "Profile",
);

const SessionSchema = z.object({
  accessToken: z.string(),
  refreshToken: z.string(),
  tokenType: z.literal("Bearer"),
  expiresIn: z.number().int(),
});

const UpdatedProfileSchema = ProfileSchema.extend({
  session: SessionSchema.optional().openapi({
    description: "Present when the password changed: every earlier token was revoked, these replace them",
  }),
});

const ProfilePatch = z
  .object({
    username: UsernameSchema.optional(),
    email: EmailSchema.optional(),
    currentPassword: z.string().min(1).max(128).optional(),
    newPassword: PasswordSchema.optional(),
  })
  .openapi("ProfileUpdate");

function statsJson(s: UserStats): z.infer<typeof StatsSchema> {
  const r = (x: number | null) => (x === null ? null : round2(x));
  return { testsCompleted: s.testsCompleted, bestWpm: r(s.bestWpm), averageWpm: r(s.averageWpm), averageAccuracy: r(s.averageAccuracy) };
}

function profileJson(u: UserRecord, stats: UserStats): z.infer<typeof ProfileSchema> {
  return {
    id: u.id,
    username: u.username,
    email: u.email,
    referralCode: u.referralCode,
    roles: u.roles,
    createdAt: u.createdAt.toISOString(),
    stats: statsJson(stats),
  };
}

const getProfileRoute = createRoute({
  method: "get",
  path: "/user/profile",
  tags: ["Users"],
  summary: "Own profile",
  security: [{ Bearer: [] }],
  middleware: [requireAuth] as const,
  responses: { 200: jsonResponse(envelope(ProfileSchema), "Own profile"), ...errorResponses("UNAUTHORIZED") },
});

const updateProfileRoute = createRoute({
  method: "put",
  path: "/user/profile",
  tags: ["Users"],
  summary: "Update username, e-mail or password (a new password needs the current one)",
  security: [{ Bearer: [] }],
  middleware: [requireAuth] as const,
  request: { body: jsonBody(ProfilePatch) },
  responses: {
    200: jsonResponse(envelope(UpdatedProfileSchema), "Updated profile"),
    ...errorResponses("INVALID_REQUEST", "VALIDATION_ERROR", "UNAUTHORIZED", "CONFLICT", "UNPROCESSABLE"),
  },
});

const publicProfileRoute = createRoute({
  method: "get",
  path: "/user/{id}",
  tags: ["Users"],
  summary: "Public profile (never the e-mail)",
  request: { params: IdParamSchema },
  responses: {
    200: jsonResponse(envelope(PublicProfileSchema), "Public profile"),
    ...errorResponses("VALIDATION_ERROR", "NOT_FOUND"),
  },
});

export const userRoutes = createRouter()
  .openapi(getProfileRoute, async (c) => {
    const { users } = c.var.repos;
    const id = c.var.auth.userId;
    const [user, stats] = await Promise.all([users.findById(id), users.stats(id)]);
    if (!user) throw new ApiError("UNAUTHORIZED", "Token has been revoked");
    return c.json({ success: true as const, data: profileJson(user, stats) }, 200);
  })
  .openapi(updateProfileRoute, async (c) => {
    const patch = c.req.valid("json");
    const { users } = c.var.repos;
    const user = await users.findById(c.var.auth.userId);
    if (!user) throw new ApiError("UNAUTHORIZED", "Token has been revoked");

    if (patch.newPassword !== undefined) {
      if (patch.currentPassword === undefined) {
        throw validationError([{ field: "currentPassword", message: "Required to change the password" }]);
      }
      if (!(await verifyPassword(patch.currentPassword, user.passwordHash))) {
        throw new ApiError("UNPROCESSABLE", "Current password is incorrect", {
          fields: [{ field: "currentPassword", message: "Incorrect" }],
        });
      }
    }
    const username = patch.username !== undefined && patch.username !== user.username ? patch.username : undefined;
    const email = patch.email !== undefined && patch.email.toLowerCase() !== user.email ? patch.email.toLowerCase() : undefined;
    const taken = await users.takenFields(username, email, user.id);
    if (taken.length > 0) throw conflict(taken);

    const now = new Date();
    let updated: UserRecord | null;
    try {
      updated = await users.update(
        user.id,
        {
          ...(username !== undefined ? { username } : {}),
          ...(email !== undefined ? { email } : {}),
          ...(patch.newPassword !== undefined ? { passwordHash: await hashPassword(patch.newPassword) } : {}),
        },
        now,
      );
    } catch (err) {
      if (err instanceof UniqueViolation && (err.field === "username" || err.field === "email")) throw conflict([err.field]);
      throw err;
    }
    if (!updated) throw new ApiError("UNAUTHORIZED", "Token has been revoked");

    let session: z.infer<typeof SessionSchema> | undefined;
    if (patch.newPassword !== undefined) {
      // A new password ends every session, including this one, then opens a fresh one for it.
      await c.var.repos.refreshSessions.revokeAllForUser(user.id, now);
      const tokenVersion = await users.bumpTokenVersion(user.id, now);
      const { user: _u, ...tokens } = await issueSession(c.var, { ...updated, tokenVersion }, crypto.randomUUID(), now);
      session = tokens;
    }
    const stats = await users.stats(user.id);
    return c.json({ success: true as const, data: { ...profileJson(updated, stats), ...(session ? { session } : {}) } }, 200);
  })
  .openapi(publicProfileRoute, async (c) => {
    const { id } = c.req.valid("param");
    const { users } = c.var.repos;
    const [user, stats] = await Promise.all([users.findById(id), users.stats(id)]);
    if (!user) throw new ApiError("NOT_FOUND", `User ${id} not found`);
    return c.json(
      { success: true as const, data: { id: user.id, username: user.username, createdAt: user.createdAt.toISOString(), stats: statsJson(stats) } },
      200,
    );
  });

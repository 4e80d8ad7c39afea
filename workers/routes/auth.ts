/** /api/auth: signup, signin, refresh, logout. */
import { createRoute, z } from "@hono/zod-openapi";
import { envelope, errorResponses, jsonBody, jsonResponse } from "../http/envelope";
import { requireAuth } from "../http/auth";
import { createRouter } from "../http/router";
import { REFERRAL_CODE_PATTERN } from "../domain/referral";
import { logout, refresh, signin, signup } from "../services/auth";

export const UsernameSchema = z
  .string()
  .min(3)
  .max(20)
  .regex(/^[A-Za-z0-9_]+$/, "Only letters, digits and underscore")
  .openapi({ example: "swift_keys" });
export const EmailSchema = z.string().max(50).pipe(z.email()).openapi({ example: "ada@example.com" });
export const PasswordSchema = z.string().min(8).max(128).openapi({ example: "correct horse battery" });

const AuthResultSchema = z
  .object({
    accessToken: z.string(),
    refreshToken: z.string(),
    tokenType: z.literal("Bearer"),
    expiresIn: z.number().int().openapi({ description: "Seconds until the access token expires" }),
    user: z.object({ id: z.number().int(), username: z.string(), email: z.string(), referralCode: z.string() }),
  })
  .openapi("AuthResult");

const SignupBody = z
  .object({
    username: UsernameSchema,
    email: EmailSchema,
    password: PasswordSchema,
    referralCode: z
      .string()
      .transform((s) => s.toUpperCase())
      .pipe(z.string().regex(REFERRAL_CODE_PATTERN, "Not a referral code"))
      .optional(),
  })
  .openapi("SignupRequest");

const SigninBody = z
  .object({
    username: z.string().min(1).max(50).openapi({ description: "Username or e-mail" }),
    password: z.string().min(1).max(128),
  })
  .openapi("SigninRequest");

const RefreshBody = z.object({ refreshToken: z.string().min(1).max(200) }).openapi("RefreshRequest");

const signupRoute = createRoute({
  method: "post",
  path: "/auth/signup",
  tags: ["Auth"],
  summary: "Create an account",
  request: { body: jsonBody(SignupBody) },
  responses: {
    201: jsonResponse(envelope(AuthResultSchema), "Signed up and signed in"),
    ...errorResponses("INVALID_REQUEST", "VALIDATION_ERROR", "CONFLICT", "PAYLOAD_TOO_LARGE"),
  },
});

const signinRoute = createRoute({
  method: "post",
  path: "/auth/signin",
  tags: ["Auth"],
  summary: "Sign in with username or e-mail; revokes earlier tokens",
  request: { body: jsonBody(SigninBody) },
  responses: {
    200: jsonResponse(envelope(AuthResultSchema), "Signed in"),
    ...errorResponses("INVALID_REQUEST", "VALIDATION_ERROR", "UNAUTHORIZED"),
  },
});

const refreshRoute = createRoute({
  method: "post",
  path: "/auth/refresh",
  tags: ["Auth"],
  summary: "Rotate a refresh token",
  request: { body: jsonBody(RefreshBody) },
  responses: {
    200: jsonResponse(envelope(AuthResultSchema), "New tokens; the presented refresh token is spent"),
    ...errorResponses("INVALID_REQUEST", "VALIDATION_ERROR", "UNAUTHORIZED"),
  },
});

const logoutRoute = createRoute({
  method: "post",
  path: "/auth/logout",
  tags: ["Auth"],
  summary: "Revoke every token of the caller",
  security: [{ Bearer: [] }],
  middleware: [requireAuth] as const,
  responses: {
    200: jsonResponse(envelope(z.object({ loggedOut: z.literal(true) })), "Logged out everywhere"),
    ...errorResponses("UNAUTHORIZED"),
  },
});

export const authRoutes = createRouter()
  .openapi(signupRoute, async (c) => {
    const result = await signup(c.var, c.req.valid("json"));
    return c.json({ success: true as const, data: result, message: "Account created" }, 201);
  })
  .openapi(signinRoute, async (c) => {
    const result = await signin(c.var, c.req.valid("json"));
    return c.json({ success: true as const, data: result }, 200);
  })
  .openapi(refreshRoute, async (c) => {
    const result = await refresh(c.var, c.req.valid("json").refreshToken);
    return c.json({ success: true as const, data: result }, 200);
  })
  .openapi(logoutRoute, async (c) => {
    await logout(c.var, c.var.auth.userId);
    return c.json({ success: true as const, data: { loggedOut: true as const }, message: "Logged out" }, 200);
  });

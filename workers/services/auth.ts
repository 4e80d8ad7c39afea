/** Signup, signin, refresh-token rotation and logout. */
import type { Config } from "../config";
import { ApiError, validationError } from "../errors";
import { UniqueViolation, type Repositories, type UserRecord } from "../db/repositories";
import { decoyPasswordHash, hashPassword, needsRehash, verifyPassword } from "../domain/password";
import { newReferralCode } from "../domain/referral";
import { hashRefreshToken, newRefreshToken, signAccessToken } from "../domain/tokens";

export interface AuthDeps {
  repos: Repositories;
  config: Config;
}

export interface AuthResult {
  accessToken: string;
  refreshToken: string;
  tokenType: "Bearer";
  expiresIn: number;
  user: { id: number; username: string; email: string; referralCode: string };
}

const INVALID_CREDENTIALS = "Invalid username or password";
const REFERRAL_CODE_ATTEMPTS = 5;

/** Creates an account (recording a valid referral) and signs it in. */
export async function signup(
  deps: AuthDeps,
  input: { username: string; email: string; password: string; referralCode?: string | undefined },
): Promise<AuthResult> {
  const { users } = deps.repos;
  let referredByUserId: number | null = null;
  if (input.referralCode) {
    const referrer = await users.findByReferralCode(input.referralCode);
    if (!referrer) throw validationError([{ field: "referralCode", message: "Unknown referral code" }]);
    referredByUserId = referrer.id;
  }
  const taken = await users.takenFields(input.username, input.email);
  if (taken.length > 0) throw conflict(taken);

  const passwordHash = await hashPassword(input.password);
  const now = new Date();
  for (let attempt = 1; ; attempt++) {
    try {
      const user = await users.create(
        { username: input.username, email: input.email.toLowerCase(), passwordHash, referralCode: newReferralCode(), referredByUserId },
        now,
      );
      return issueSession(deps, user, crypto.randomUUID(), now);
    } catch (err) {
      if (!(err instanceof UniqueViolation)) throw err;
      if (err.field === "username" || err.field === "email") throw conflict([err.field]); // lost a race
      if (attempt >= REFERRAL_CODE_ATTEMPTS) throw err;
    }
  }
}

/**
 * Signs in by username or e-mail. An unknown user and a wrong password take the same time and
 * give the same 401. Success bumps tokenVersion, which revokes every earlier token.
 */
export async function signin(deps: AuthDeps, input: { username: string; password: string }): Promise<AuthResult> {
  const { users } = deps.repos;
  const user = await users.findByLogin(input.username);
  const ok = await verifyPassword(input.password, user?.passwordHash ?? (await decoyPasswordHash()));
  if (!user || !ok) throw new ApiError("UNAUTHORIZED", INVALID_CREDENTIALS);
  const now = new Date();
  if (needsRehash(user.passwordHash)) {
    await users.update(user.id, { passwordHash: await hashPassword(input.password) }, now);
  }
  const tokenVersion = await users.bumpTokenVersion(user.id, now);
  return issueSession(deps, { ...user, tokenVersion }, crypto.randomUUID(), now);
}

/**
 * Rotates a refresh token: the presented one is spent and a new one of the same family is
 * issued. Presenting a spent or revoked token is treated as theft: the whole family is revoked.
 */
export async function refresh(deps: AuthDeps, refreshToken: string): Promise<AuthResult> {
  const { users, refreshSessions } = deps.repos;
  const now = new Date();
  const session = await refreshSessions.findByTokenHash(await hashRefreshToken(refreshToken));
  if (!session) throw new ApiError("UNAUTHORIZED", "Invalid refresh token");
  if (session.usedAt || session.revokedAt) {
    await refreshSessions.revokeFamily(session.familyId, now);
    throw new ApiError("UNAUTHORIZED", "Refresh token was already used; the session has been revoked");
  }
  if (session.expiresAt.getTime() <= now.getTime()) throw new ApiError("UNAUTHORIZED", "Refresh token expired");
  const user = await users.findById(session.userId);
  if (!user || user.tokenVersion !== session.tokenVersion) {
    throw new ApiError("UNAUTHORIZED", "Refresh token has been revoked");
  }
  if (!(await refreshSessions.markUsed(session.id, now))) {
    // Another request spent it between our read and write: the same token was used twice.
    await refreshSessions.revokeFamily(session.familyId, now);
    throw new ApiError("UNAUTHORIZED", "Refresh token was already used; the session has been revoked");
  }
  return issueSession(deps, user, session.familyId, now);
}

/** Revokes every access and refresh token the user holds. */
export async function logout(deps: AuthDeps, userId: number): Promise<void> {
  const now = new Date();
  await deps.repos.users.bumpTokenVersion(userId, now);
  await deps.repos.refreshSessions.revokeAllForUser(userId, now);
}

/** Mints an access token and a stored refresh token for the user's current tokenVersion. */
export async function issueSession(deps: AuthDeps, user: UserRecord, familyId: string, now: Date): Promise<AuthResult> {
  const { config, repos } = deps;
  const accessToken = await signAccessToken(
    { userId: user.id, username: user.username, roles: user.roles, tokenVersion: user.tokenVersion },
    config.jwtSecret,
    config.accessTokenTtlSeconds,
    now,
  );
  const { token, hash } = await newRefreshToken();
  await repos.refreshSessions.create(
    {
      userId: user.id,
      familyId,
      tokenHash: hash,
      tokenVersion: user.tokenVersion,
      expiresAt: new Date(now.getTime() + config.refreshTokenTtlDays * 86_400_000),
    },
    now,
  );
  return {
    accessToken,
    refreshToken: token,
    tokenType: "Bearer",
    expiresIn: config.accessTokenTtlSeconds,
    user: { id: user.id, username: user.username, email: user.email, referralCode: user.referralCode },
  };
}

/** A CONFLICT naming the taken fields. */
export function conflict(fields: Array<"username" | "email">): ApiError {
  return new ApiError("CONFLICT", `${fields.join(" and ")} already taken`, {
    fields: fields.map((field) => ({ field, message: `This ${field} is already taken` })),
  });
}

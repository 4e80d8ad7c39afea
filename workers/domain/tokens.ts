/**
 * Access tokens are HS256 JWTs (jose) carrying the seed's claims; refresh tokens are opaque
 * random strings of which only a SHA-256 digest is stored.
 */
import { SignJWT, jwtVerify } from "jose";
import { z } from "zod";
import { base64UrlEncode, hmacKey, randomBytes, sha256Hex } from "./crypto";

export const ACCESS_TOKEN_ALGORITHM = "HS256";

export const AccessClaimsSchema = z.object({
  userId: z.number().int().positive(),
  username: z.string(),
  roles: z.array(z.string()),
  tokenVersion: z.number().int().nonnegative(),
  exp: z.number(),
});
export type AccessClaims = z.infer<typeof AccessClaimsSchema>;

/** Signs an access token valid for `ttlSeconds` from `now`. */
export async function signAccessToken(
  claims: Omit<AccessClaims, "exp">,
  secret: string,
  ttlSeconds: number,
  now = new Date(),
): Promise<string> {
  const iat = Math.floor(now.getTime() / 1000);
  return new SignJWT({ ...claims })
    .setProtectedHeader({ alg: ACCESS_TOKEN_ALGORITHM, typ: "JWT" })
    .setSubject(String(claims.userId))
    .setIssuedAt(iat)
    .setExpirationTime(iat + ttlSeconds)
    .sign(await hmacKey(secret));
}

/**
 * Verifies signature, algorithm (pinned to HS256: `alg: none` and every other algorithm are
 * refused) and expiry, then the claim shapes. Returns null for any token that fails.
 */
export async function verifyAccessToken(token: string, secret: string): Promise<AccessClaims | null> {
  try {
    // The imported key is cached per isolate: importing it on every request is measurable.
    const { payload } = await jwtVerify(token, await hmacKey(secret), { algorithms: [ACCESS_TOKEN_ALGORITHM] });
    const claims = AccessClaimsSchema.safeParse(payload);
    return claims.success ? claims.data : null;
  } catch {
    return null;
  }
}

/** A new opaque refresh token and the digest to store for it. */
export async function newRefreshToken(): Promise<{ token: string; hash: string }> {
  const token = base64UrlEncode(randomBytes(32));
  return { token, hash: await hashRefreshToken(token) };
}

/** The stored digest of a refresh token. */
export function hashRefreshToken(token: string): Promise<string> {
  return sha256Hex(token);
}

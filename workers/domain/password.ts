/**
 * Password hashing with PBKDF2-SHA256 through WebCrypto (bcrypt is too slow for a Worker's CPU
 * budget). Hashes are stored as `pbkdf2-sha256$<iterations>$<salt>$<hash>` (base64url), so the
 * cost can be raised later and old hashes still verify; `needsRehash` tells when to upgrade.
 */
import { base64UrlDecode, base64UrlEncode, randomBytes } from "./crypto";

/** Workers caps PBKDF2 at 100,000 iterations. */
export const PBKDF2_ITERATIONS = 100_000;
const SALT_BYTES = 16;
const HASH_BITS = 256;
const SCHEME = "pbkdf2-sha256";

const encoder = new TextEncoder();

async function derive(password: string, salt: Uint8Array, iterations: number): Promise<Uint8Array> {
  const key = await crypto.subtle.importKey("raw", encoder.encode(password), "PBKDF2", false, ["deriveBits"]);
  const bits = await crypto.subtle.deriveBits({ name: "PBKDF2", hash: "SHA-256", salt, iterations }, key, HASH_BITS);
  return new Uint8Array(bits);
}

/** Hashes a password with a fresh random salt. */
export async function hashPassword(password: string, iterations = PBKDF2_ITERATIONS): Promise<string> {
  const salt = randomBytes(SALT_BYTES);
  const hash = await derive(password, salt, iterations);
  return `${SCHEME}$${iterations}$${base64UrlEncode(salt)}$${base64UrlEncode(hash)}`;
}

/** Checks a password against a stored hash in constant time; a malformed hash never matches. */
export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const parsed = parseHash(stored);
  if (!parsed) return false;
  const actual = await derive(password, parsed.salt, parsed.iterations);
  return actual.length === parsed.hash.length && crypto.subtle.timingSafeEqual(actual, parsed.hash);
}

/** True when a stored hash was made with weaker parameters than today's. */
export function needsRehash(stored: string): boolean {
  const parsed = parseHash(stored);
  return !parsed || parsed.iterations < PBKDF2_ITERATIONS;
}

/**
 * A hash of a random password, verified against when the user is unknown so that an unknown
 * user costs the same time as a wrong password.
 */
let decoyHash: Promise<string> | undefined;
export function decoyPasswordHash(): Promise<string> {
  decoyHash ??= hashPassword(base64UrlEncode(randomBytes(18)));
  return decoyHash;
}

function parseHash(stored: string): { iterations: number; salt: Uint8Array; hash: Uint8Array } | null {
  const [scheme, iter, salt, hash, extra] = stored.split("$");
  if (scheme !== SCHEME || !iter || !salt || !hash || extra !== undefined) return null;
  const iterations = Number(iter);
  if (!Number.isInteger(iterations) || iterations < 1 || iterations > PBKDF2_ITERATIONS) return null;
  try {
    return { iterations, salt: base64UrlDecode(salt), hash: base64UrlDecode(hash) };
  } catch {
    return null;
  }
}

/**
 * Opaque, tamper-evident pagination cursors: base64url(JSON) + "." + HMAC-SHA256 tag. A client
 * can carry a cursor around but not forge one to jump into someone else's keyspace.
 */
import type { z } from "zod";
import { validationError } from "../errors";
import { base64UrlDecode, base64UrlEncode, hmacKey } from "../domain/crypto";

const encoder = new TextEncoder();
const decoder = new TextDecoder();

/** Signs a cursor payload. */
export async function encodeCursor(payload: unknown, secret: string): Promise<string> {
  const body = base64UrlEncode(encoder.encode(JSON.stringify(payload)));
  const key = await hmacKey(`cursor:${secret}`);
  const tag = new Uint8Array(await crypto.subtle.sign("HMAC", key, encoder.encode(body)));
  return `${body}.${base64UrlEncode(tag.subarray(0, 16))}`;
}

/** Verifies and decodes a cursor; anything forged, truncated or malformed is a VALIDATION_ERROR. */
export async function decodeCursor<T>(cursor: string, secret: string, schema: z.ZodType<T>): Promise<T> {
  const invalid = validationError([{ field: "cursor", message: "Invalid or tampered cursor" }]);
  const [body, tag, extra] = cursor.split(".");
  if (!body || !tag || extra !== undefined) throw invalid;
  try {
    const key = await hmacKey(`cursor:${secret}`);
    const expected = new Uint8Array(await crypto.subtle.sign("HMAC", key, encoder.encode(body))).subarray(0, 16);
    const given = base64UrlDecode(tag);
    // crypto.subtle.verify would need the full tag; compare the truncated tags in constant time.
    if (given.length !== expected.length || !crypto.subtle.timingSafeEqual(given, expected)) throw invalid;
    const parsed = schema.safeParse(JSON.parse(decoder.decode(base64UrlDecode(body))));
    if (!parsed.success) throw invalid;
    return parsed.data;
  } catch {
    throw invalid;
  }
}

/**
 * Opaque, tamper-evident pagination cursors: base64url(JSON) + "." + HMAC-SHA256 tag. A client
 * can carry a cursor around but not forge one. The tag also covers a scope (the listing, and
 * whose it is), so a cursor is only valid where it was issued; the scope goes into the MAC
 * input rather than the key, so one imported key serves every user.
 */
import type { z } from "zod";
import { validationError } from "../errors";
import { base64UrlDecode, base64UrlEncode, hmacKey } from "../domain/crypto";

/** Where a cursor may be used, and the secret that signs it. */
export interface CursorSigning {
  secret: string;
  /** e.g. `tests` or `results:42`. */
  scope: string;
}

const TAG_BYTES = 16;
const encoder = new TextEncoder();
const decoder = new TextDecoder();

async function tagFor(body: string, signing: CursorSigning): Promise<Uint8Array> {
  const key = await hmacKey(`cursor:${signing.secret}`);
  const mac = await crypto.subtle.sign("HMAC", key, encoder.encode(`${signing.scope}\n${body}`));
  return new Uint8Array(mac).subarray(0, TAG_BYTES);
}

/** Signs a cursor payload. */
export async function encodeCursor(payload: unknown, signing: CursorSigning): Promise<string> {
  const body = base64UrlEncode(encoder.encode(JSON.stringify(payload)));
  return `${body}.${base64UrlEncode(await tagFor(body, signing))}`;
}

/** Verifies and decodes a cursor; anything forged, foreign, truncated or malformed is a VALIDATION_ERROR. */
export async function decodeCursor<T>(cursor: string, signing: CursorSigning, schema: z.ZodType<T>): Promise<T> {
  const invalid = validationError([{ field: "cursor", message: "Invalid or tampered cursor" }]);
  const [body, tag, extra] = cursor.split(".");
  if (!body || !tag || extra !== undefined) throw invalid;
  try {
    const expected = await tagFor(body, signing);
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

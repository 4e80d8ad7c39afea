/** Referral codes: 8 characters of Crockford's base32 (no I, L, O, U), easy to read aloud. */
import { randomBytes } from "./crypto";

const ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
export const REFERRAL_CODE_LENGTH = 8;
export const REFERRAL_CODE_PATTERN = /^[0-9A-HJKMNP-TV-Z]{8}$/;

/** A random referral code (40 bits: collisions are rare and retried by the caller). */
export function newReferralCode(): string {
  return [...randomBytes(REFERRAL_CODE_LENGTH)].map((b) => ALPHABET[b % 32]).join("");
}

import { describe, expect, it } from "vitest";
import { hashPassword, needsRehash, PBKDF2_ITERATIONS, verifyPassword } from "./password";

describe("password hashing", () => {
  it("encodes scheme, iterations, salt and hash", async () => {
    const hash = await hashPassword("correct horse");
    expect(hash).toMatch(/^pbkdf2-sha256\$100000\$[A-Za-z0-9_-]{22}\$[A-Za-z0-9_-]{43}$/);
  });

  it("salts every hash", async () => {
    expect(await hashPassword("same")).not.toBe(await hashPassword("same"));
  });

  it("verifies the right password only", async () => {
    const hash = await hashPassword("correct horse");
    expect(await verifyPassword("correct horse", hash)).toBe(true);
    expect(await verifyPassword("correct horsf", hash)).toBe(false);
    expect(await verifyPassword("", hash)).toBe(false);
  });

  it("handles unicode passwords", async () => {
    const hash = await hashPassword("pässwörd 🔑 密码");
    expect(await verifyPassword("pässwörd 🔑 密码", hash)).toBe(true);
    expect(await verifyPassword("passwort 🔑 密码", hash)).toBe(false);
  });

  it("verifies hashes made with fewer iterations and asks for a rehash", async () => {
    const weak = await hashPassword("legacy", 1_000);
    expect(weak.split("$")[1]).toBe("1000");
    expect(await verifyPassword("legacy", weak)).toBe(true);
    expect(needsRehash(weak)).toBe(true);
    expect(needsRehash(await hashPassword("legacy"))).toBe(false);
    expect(PBKDF2_ITERATIONS).toBe(100_000);
  });

  it.each([
    "",
    "plaintext",
    "bcrypt$10$abc$def",
    "pbkdf2-sha256$0$AAAA$AAAA",
    "pbkdf2-sha256$999999999$AAAA$AAAA",
    "pbkdf2-sha256$1000$!!!!$AAAA",
    "pbkdf2-sha256$1000$AAAA$AAAA$extra",
  ])("never matches the malformed hash %j", async (stored) => {
    expect(await verifyPassword("anything", stored)).toBe(false);
    expect(needsRehash(stored)).toBe(true);
  });
});

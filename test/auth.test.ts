import { env } from "cloudflare:test";
import { SignJWT, UnsecuredJWT } from "jose";
import { describe, expect, it } from "vitest";
import { api, expectError, signupUser, uniqueName } from "./helpers";

const secret = new TextEncoder().encode(env.JWT_SECRET);

function decodePayload(token: string): Record<string, unknown> {
  const part = token.split(".")[1]!;
  return JSON.parse(atob(part.replace(/-/g, "+").replace(/_/g, "/")));
}

describe("signup", () => {
  it("creates the account and returns an AuthResult", async () => {
    const username = uniqueName("Ada_");
    const res = await api("POST", "/api/auth/signup", { body: { username, email: `${username}@Example.com`, password: "correct horse battery" } });
    expect(res.status).toBe(201);
    const d = res.body.data;
    expect(d).toMatchObject({ tokenType: "Bearer", expiresIn: 900, user: { username, email: `${username.toLowerCase()}@example.com` } });
    expect(d.user.id).toEqual(expect.any(Number));
    expect(d.user.referralCode).toMatch(/^[0-9A-HJKMNP-TV-Z]{8}$/);
    expect(d.refreshToken).toMatch(/^[A-Za-z0-9_-]{43}$/);
    const claims = decodePayload(d.accessToken);
    expect(claims).toMatchObject({ userId: d.user.id, username, roles: ["ROLE_USER"], tokenVersion: 1 });
    expect(claims.exp).toEqual(expect.any(Number));
  });

  it("stores a PBKDF2 hash, never the password", async () => {
    const user = await signupUser();
    const row = await env.DB.prepare("SELECT password_hash FROM users WHERE id = ?").bind(user.id).first<{ password_hash: string }>();
    expect(row!.password_hash).toMatch(/^pbkdf2-sha256\$100000\$[A-Za-z0-9_-]{22}\$[A-Za-z0-9_-]{43}$/);
    expect(row!.password_hash).not.toContain(user.password);
  });

  it("rejects a username or e-mail taken in another case with 409", async () => {
    const user = await signupUser();
    const dupName = await api("POST", "/api/auth/signup", { body: { username: user.username.toUpperCase(), email: `x${user.email}`, password: "password123" } });
    expect(expectError(dupName, 409, "CONFLICT").details.fields).toEqual([{ field: "username", message: expect.any(String) }]);
    const dupEmail = await api("POST", "/api/auth/signup", { body: { username: uniqueName(), email: user.email.toUpperCase(), password: "password123" } });
    expect(expectError(dupEmail, 409, "CONFLICT").details.fields[0].field).toBe("email");
  });

  it.each([
    ["username too short", { username: "ab" }, "username"],
    ["username too long", { username: "a".repeat(21) }, "username"],
    ["username with a dash", { username: "ada-l" }, "username"],
    ["e-mail invalid", { email: "ada@" }, "email"],
    ["e-mail over 50 chars", { email: `${"a".repeat(40)}@example.com` }, "email"],
    ["password too short", { password: "1234567" }, "password"],
    ["password too long", { password: "p".repeat(129) }, "password"],
    ["referral code malformed", { referralCode: "nope" }, "referralCode"],
  ])("rejects %s", async (_name, override, field) => {
    const body = { username: uniqueName(), email: `${uniqueName()}@example.com`, password: "password123", ...override };
    const err = expectError(await api("POST", "/api/auth/signup", { body }), 400, "VALIDATION_ERROR");
    expect(err.details.fields.map((f: { field: string }) => f.field)).toEqual([field]);
  });

  it("records a valid referral code and rejects an unknown one", async () => {
    const referrer = await signupUser();
    const referred = await signupUser({ referralCode: referrer.referralCode.toLowerCase() });
    const row = await env.DB.prepare("SELECT referred_by_user_id FROM users WHERE id = ?").bind(referred.id).first<{ referred_by_user_id: number }>();
    expect(row!.referred_by_user_id).toBe(referrer.id);

    const unknown = await api("POST", "/api/auth/signup", { body: { username: uniqueName(), email: `${uniqueName()}@example.com`, password: "password123", referralCode: "ZZZZZZZZ" } });
    expect(expectError(unknown, 400, "VALIDATION_ERROR").details.fields[0].field).toBe("referralCode");
  });
});

describe("signin", () => {
  it("accepts the username or the e-mail, in any case", async () => {
    const user = await signupUser();
    for (const login of [user.username, user.email, user.email.toUpperCase(), user.username.toLowerCase()]) {
      const res = await api("POST", "/api/auth/signin", { body: { username: login, password: user.password } });
      expect(res.status).toBe(200);
      expect(res.body.data.user.id).toBe(user.id);
    }
  });

  it("gives a wrong password and an unknown user the same 401", async () => {
    const user = await signupUser();
    const wrong = await api("POST", "/api/auth/signin", { body: { username: user.username, password: "not the password" } });
    const unknown = await api("POST", "/api/auth/signin", { body: { username: uniqueName(), password: "not the password" } });
    const a = expectError(wrong, 401, "UNAUTHORIZED");
    const b = expectError(unknown, 401, "UNAUTHORIZED");
    expect(a.message).toBe(b.message);
    expect(a.details).toEqual(b.details);
  });

  it("revokes every token issued before it", async () => {
    const user = await signupUser();
    const again = await api("POST", "/api/auth/signin", { body: { username: user.username, password: user.password } });
    expect(decodePayload(again.body.data.accessToken).tokenVersion).toBe(2);
    expectError(await api("GET", "/api/user/profile", { token: user.accessToken }), 401, "UNAUTHORIZED");
    expectError(await api("POST", "/api/auth/refresh", { body: { refreshToken: user.refreshToken } }), 401, "UNAUTHORIZED");
    expect((await api("GET", "/api/user/profile", { token: again.body.data.accessToken })).status).toBe(200);
  });
});

describe("refresh", () => {
  it("rotates: new tokens work, the spent refresh token does not", async () => {
    const user = await signupUser();
    const first = await api("POST", "/api/auth/refresh", { body: { refreshToken: user.refreshToken } });
    expect(first.status).toBe(200);
    const next = first.body.data;
    expect(next.refreshToken).not.toBe(user.refreshToken);
    expect((await api("GET", "/api/user/profile", { token: next.accessToken })).status).toBe(200);
    const second = await api("POST", "/api/auth/refresh", { body: { refreshToken: next.refreshToken } });
    expect(second.status).toBe(200);
  });

  it("treats reuse of a spent token as theft and revokes the whole family", async () => {
    const user = await signupUser();
    const rotated = (await api("POST", "/api/auth/refresh", { body: { refreshToken: user.refreshToken } })).body.data;
    expectError(await api("POST", "/api/auth/refresh", { body: { refreshToken: user.refreshToken } }), 401, "UNAUTHORIZED");
    // The legitimate holder's newer token died with the family.
    expectError(await api("POST", "/api/auth/refresh", { body: { refreshToken: rotated.refreshToken } }), 401, "UNAUTHORIZED");
  });

  it("lets only one of two concurrent uses of the same token succeed", async () => {
    const user = await signupUser();
    const results = await Promise.all([1, 2].map(() => api("POST", "/api/auth/refresh", { body: { refreshToken: user.refreshToken } })));
    expect(results.map((r) => r.status).sort()).toEqual([200, 401]);
  });

  it("rejects unknown and expired refresh tokens", async () => {
    expectError(await api("POST", "/api/auth/refresh", { body: { refreshToken: "made-up-token" } }), 401, "UNAUTHORIZED");
    const user = await signupUser();
    await env.DB.prepare("UPDATE refresh_sessions SET expires_at = ? WHERE user_id = ?").bind(Date.now() - 1000, user.id).run();
    expectError(await api("POST", "/api/auth/refresh", { body: { refreshToken: user.refreshToken } }), 401, "UNAUTHORIZED");
  });
});

describe("logout", () => {
  it("revokes every access and refresh token of the user", async () => {
    const user = await signupUser();
    const second = (await api("POST", "/api/auth/refresh", { body: { refreshToken: user.refreshToken } })).body.data;
    const res = await api("POST", "/api/auth/logout", { token: second.accessToken });
    expect(res.status).toBe(200);
    expectError(await api("GET", "/api/user/profile", { token: second.accessToken }), 401, "UNAUTHORIZED");
    expectError(await api("POST", "/api/auth/refresh", { body: { refreshToken: second.refreshToken } }), 401, "UNAUTHORIZED");
    expectError(await api("POST", "/api/auth/logout", { token: second.accessToken }), 401, "UNAUTHORIZED");
  });

  it("needs a bearer token", async () => {
    const res = await api("POST", "/api/auth/logout");
    expectError(res, 401, "UNAUTHORIZED");
    expect(res.headers.get("WWW-Authenticate")).toContain("Bearer");
  });
});

describe("access tokens", () => {
  it("rejects a token whose payload was tampered with", async () => {
    const user = await signupUser();
    const [h, , s] = user.accessToken.split(".");
    const forged = btoa(JSON.stringify({ ...decodePayload(user.accessToken), userId: user.id + 1, roles: ["ROLE_ADMIN"] }))
      .replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
    expectError(await api("GET", "/api/user/profile", { token: `${h}.${forged}.${s}` }), 401, "UNAUTHORIZED");
  });

  it("rejects alg:none tokens", async () => {
    const user = await signupUser();
    const unsigned = new UnsecuredJWT({ userId: user.id, username: user.username, roles: ["ROLE_USER"], tokenVersion: 1 }).setExpirationTime("10m").encode();
    expectError(await api("GET", "/api/user/profile", { token: unsigned }), 401, "UNAUTHORIZED");
  });

  it("pins HS256: the right secret under another algorithm is refused", async () => {
    const user = await signupUser();
    const hs512 = await new SignJWT({ userId: user.id, username: user.username, roles: ["ROLE_USER"], tokenVersion: 1 })
      .setProtectedHeader({ alg: "HS512" }).setExpirationTime("10m").sign(secret);
    expectError(await api("GET", "/api/user/profile", { token: hs512 }), 401, "UNAUTHORIZED");
  });

  it("accepts a well-formed HS256 token and refuses it once expired or signed with another secret", async () => {
    const user = await signupUser();
    const claims = { userId: user.id, username: user.username, roles: ["ROLE_USER"], tokenVersion: 1 };
    const valid = await new SignJWT(claims).setProtectedHeader({ alg: "HS256" }).setExpirationTime("10m").sign(secret);
    expect((await api("GET", "/api/user/profile", { token: valid })).status).toBe(200);
    const expired = await new SignJWT(claims).setProtectedHeader({ alg: "HS256" }).setExpirationTime(Math.floor(Date.now() / 1000) - 60).sign(secret);
    expectError(await api("GET", "/api/user/profile", { token: expired }), 401, "UNAUTHORIZED");
    const foreign = await new SignJWT(claims).setProtectedHeader({ alg: "HS256" }).setExpirationTime("10m").sign(new TextEncoder().encode("another-secret-another-secret-000000"));
    expectError(await api("GET", "/api/user/profile", { token: foreign }), 401, "UNAUTHORIZED");
  });

  it("rejects garbage in the Authorization header", async () => {
    for (const header of ["Bearer", "Basic abc", "Bearer not.a.jwt", "Token abc"]) {
      expectError(await api("GET", "/api/user/profile", { headers: { Authorization: header } }), 401, "UNAUTHORIZED");
    }
  });
});

import { describe, expect, it } from "vitest";
import { api, expectError, signupUser, uniqueName } from "./helpers";

describe("profile", () => {
  it("returns the own profile with empty stats for a new user", async () => {
    const user = await signupUser();
    const res = await api("GET", "/api/user/profile", { token: user.accessToken });
    expect(res.status).toBe(200);
    expect(res.body.data).toEqual({
      id: user.id,
      username: user.username,
      email: user.email.toLowerCase(),
      referralCode: user.referralCode,
      roles: ["ROLE_USER"],
      createdAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT/),
      stats: { testsCompleted: 0, bestWpm: null, averageWpm: null, averageAccuracy: null },
    });
  });

  it("needs authentication", async () => {
    expectError(await api("GET", "/api/user/profile"), 401, "UNAUTHORIZED");
  });

  it("updates username and e-mail, refusing ones taken by others", async () => {
    const a = await signupUser();
    const b = await signupUser();
    const newName = uniqueName("n");
    const res = await api("PUT", "/api/user/profile", { token: a.accessToken, body: { username: newName, email: `${newName}@example.com` } });
    expect(res.status).toBe(200);
    expect(res.body.data).toMatchObject({ username: newName, email: `${newName}@example.com`.toLowerCase() });
    expect(res.body.data.session).toBeUndefined();

    const clash = await api("PUT", "/api/user/profile", { token: a.accessToken, body: { username: b.username.toUpperCase() } });
    expect(expectError(clash, 409, "CONFLICT").details.fields[0].field).toBe("username");
    const emailClash = await api("PUT", "/api/user/profile", { token: a.accessToken, body: { email: b.email } });
    expect(expectError(emailClash, 409, "CONFLICT").details.fields[0].field).toBe("email");
    // Re-submitting one's own name in another case is not a clash.
    expect((await api("PUT", "/api/user/profile", { token: a.accessToken, body: { username: newName.toUpperCase() } })).status).toBe(200);
  });

  it("changes the password only with the current one, then revokes old tokens", async () => {
    const user = await signupUser();
    const missing = await api("PUT", "/api/user/profile", { token: user.accessToken, body: { newPassword: "brand new password" } });
    expect(expectError(missing, 400, "VALIDATION_ERROR").details.fields[0].field).toBe("currentPassword");
    const wrong = await api("PUT", "/api/user/profile", { token: user.accessToken, body: { currentPassword: "nope nope", newPassword: "brand new password" } });
    expectError(wrong, 422, "UNPROCESSABLE");

    const ok = await api("PUT", "/api/user/profile", { token: user.accessToken, body: { currentPassword: user.password, newPassword: "brand new password" } });
    expect(ok.status).toBe(200);
    const session = ok.body.data.session;
    expect(session).toMatchObject({ tokenType: "Bearer", expiresIn: 900 });
    expectError(await api("GET", "/api/user/profile", { token: user.accessToken }), 401, "UNAUTHORIZED");
    expectError(await api("POST", "/api/auth/refresh", { body: { refreshToken: user.refreshToken } }), 401, "UNAUTHORIZED");
    expect((await api("GET", "/api/user/profile", { token: session.accessToken })).status).toBe(200);

    expectError(await api("POST", "/api/auth/signin", { body: { username: user.username, password: user.password } }), 401, "UNAUTHORIZED");
    expect((await api("POST", "/api/auth/signin", { body: { username: user.username, password: "brand new password" } })).status).toBe(200);
  });

  it("validates the patch", async () => {
    const user = await signupUser();
    const res = await api("PUT", "/api/user/profile", { token: user.accessToken, body: { username: "x", newPassword: "short" } });
    const fields = expectError(res, 400, "VALIDATION_ERROR").details.fields.map((f: { field: string }) => f.field).sort();
    expect(fields).toEqual(["newPassword", "username"]);
  });
});

describe("public profile", () => {
  it("shows username and stats, never the e-mail", async () => {
    const user = await signupUser();
    const res = await api("GET", `/api/user/${user.id}`);
    expect(res.status).toBe(200);
    expect(res.body.data).toEqual({ id: user.id, username: user.username, createdAt: expect.any(String), stats: expect.any(Object) });
    expect(JSON.stringify(res.body)).not.toContain("@");
  });

  it("is 404 for an unknown user and 400 for a non-numeric id", async () => {
    expectError(await api("GET", "/api/user/99999999"), 404, "NOT_FOUND");
    expect(expectError(await api("GET", "/api/user/abc"), 400, "VALIDATION_ERROR").details.fields[0].field).toBe("id");
  });
});

import { describe, expect, it } from "vitest";
import { RETRY_MAX_SECONDS, retryDelaySeconds } from "./backoff";

describe("retryDelaySeconds", () => {
  it.each([
    [0, 2],
    [1, 2],
    [2, 4],
    [3, 8],
    [4, 16],
    [5, 32],
    [9, 512],
    [10, RETRY_MAX_SECONDS],
    [1000, RETRY_MAX_SECONDS],
  ])("after %i attempts waits %i s", (attempts, delay) => {
    expect(retryDelaySeconds(attempts)).toBe(delay);
  });

  it("grows monotonically", () => {
    for (let a = 1; a < 30; a++) expect(retryDelaySeconds(a + 1)).toBeGreaterThanOrEqual(retryDelaySeconds(a));
  });
});

import { describe, it, expect } from "vitest";
import type { KeyTiming } from "./scoring";
import {
  consistencyFromTimings,
  isCharacterKey,
  round2,
  scoreAttempt,
  toCharacters,
} from "./scoring";

/** Character keystrokes ("x") at the given times. */
function keysAt(times: readonly number[], key = "x"): KeyTiming[] {
  return times.map((t) => ({ key, t }));
}

/** `count` keystrokes evenly spread over the second starting at `second`, first one at +0 ms. */
function evenSecond(second: number, count: number, offsetMs = 0): number[] {
  return Array.from({ length: count }, (_, i) => second * 1000 + offsetMs + i * (1000 / count));
}

describe("round2", () => {
  it("rounds half away from zero despite binary float representation", () => {
    expect(round2(1.005)).toBe(1.01);
    expect(round2(2.675)).toBe(2.68);
    expect(round2(1.255)).toBe(1.26);
    expect(round2(8.345)).toBe(8.35);
    expect(round2(0.125)).toBe(0.13);
    expect(round2(123456.785)).toBe(123456.79);
  });

  it("absorbs float noise from arithmetic before rounding", () => {
    // 0.03 * 5.5 evaluates to 0.16499999999999998; its intended value is 0.165.
    expect(round2(0.03 * 5.5)).toBe(0.17);
    // 0.03 * 7.5 evaluates to 0.22499999999999998; its intended value is 0.225.
    expect(round2(0.03 * 7.5)).toBe(0.23);
  });

  it("rounds negative halves away from zero", () => {
    expect(round2(-1.005)).toBe(-1.01);
    expect(round2(-2.675)).toBe(-2.68);
    expect(round2(-0.125)).toBe(-0.13);
  });

  it("rounds ordinary values to the nearest hundredth", () => {
    expect(round2(1.234)).toBe(1.23);
    expect(round2(1.236)).toBe(1.24);
    expect(round2(2 / 3)).toBe(0.67);
    expect(round2(100 / 3)).toBe(33.33);
    expect(round2(42)).toBe(42);
  });

  it("returns 0, never -0, for zero and tiny negatives", () => {
    expect(Object.is(round2(0), 0)).toBe(true);
    expect(Object.is(round2(-0.001), 0)).toBe(true);
    expect(Object.is(round2(-0), 0)).toBe(true);
  });

  it("handles values in exponent notation", () => {
    expect(round2(1e-7)).toBe(0);
    expect(round2(1e21)).toBe(1e21);
    expect(round2(-1e21)).toBe(-1e21);
  });

  it("passes non-finite values through", () => {
    expect(round2(Infinity)).toBe(Infinity);
    expect(round2(-Infinity)).toBe(-Infinity);
    expect(round2(NaN)).toBeNaN();
  });
});

describe("toCharacters", () => {
  it("composes decomposed accents (NFC)", () => {
    expect(toCharacters("e\u0301")).toEqual(["\u00e9"]);
    expect(toCharacters("cafe\u0301")).toEqual(["c", "a", "f", "\u00e9"]);
  });

  it("splits by code point so astral characters count once", () => {
    expect(toCharacters("a😀b")).toEqual(["a", "😀", "b"]);
    expect(toCharacters("😀").length).toBe(1);
  });

  it("turns CRLF into LF but keeps lone CR", () => {
    expect(toCharacters("a\r\nb")).toEqual(["a", "\n", "b"]);
    expect(toCharacters("a\rb")).toEqual(["a", "\r", "b"]);
    expect(toCharacters("\r\n\r\n")).toEqual(["\n", "\n"]);
  });

  it("returns an empty array for empty text", () => {
    expect(toCharacters("")).toEqual([]);
  });
});

describe("isCharacterKey", () => {
  it.each(["a", "Z", "É", "😀", " ", "1", "日", "ж", "Space", "Enter", "Tab"])(
    "treats %j as a character key",
    (key) => {
      expect(isCharacterKey(key)).toBe(true);
    },
  );

  it("treats a decomposed accent that composes to one code point as a character key", () => {
    expect(isCharacterKey("e\u0301")).toBe(true);
  });

  it.each([
    "Backspace",
    "Shift",
    "Control",
    "Alt",
    "Meta",
    "CapsLock",
    "ArrowLeft",
    "Dead",
    "Delete",
    "Escape",
    "Process",
    "ab",
    "",
  ])("treats %j as a non-character key", (key) => {
    expect(isCharacterKey(key)).toBe(false);
  });
});

describe("scoreAttempt", () => {
  it("scores an exact match", () => {
    // 11 chars in 6 s: 11 / 5 / 0.1 min = 22 wpm.
    expect(scoreAttempt("hello world", "hello world", 6)).toEqual({
      wpm: 22,
      rawWpm: 22,
      accuracy: 100,
      errors: 0,
      correctChars: 11,
      typedChars: 11,
      consistency: null,
    });
  });

  it("counts characters typed past the end of the content as errors", () => {
    // 5 typed, 2 beyond "abc": correct 3 -> 3/5/1 = 0.6 wpm; raw 5/5/1 = 1.
    expect(scoreAttempt("abc", "abcde", 60)).toEqual({
      wpm: 0.6,
      rawWpm: 1,
      accuracy: 60,
      errors: 2,
      correctChars: 3,
      typedChars: 5,
      consistency: null,
    });
  });

  it("does not penalise untyped remaining content", () => {
    // 5 chars in 3 s = 0.05 min: 5 / 5 / 0.05 = 20 wpm.
    expect(scoreAttempt("hello world", "hello", 3)).toEqual({
      wpm: 20,
      rawWpm: 20,
      accuracy: 100,
      errors: 0,
      correctChars: 5,
      typedChars: 5,
      consistency: null,
    });
  });

  it("scores an all-wrong attempt", () => {
    // raw: 3 / 5 / (10/60) = 3.6.
    expect(scoreAttempt("abc", "xyz", 10)).toEqual({
      wpm: 0,
      rawWpm: 3.6,
      accuracy: 0,
      errors: 3,
      correctChars: 0,
      typedChars: 3,
      consistency: null,
    });
  });

  it("compares by position, so a missed character shifts everything after it", () => {
    // "hllo" vs "hello": h ok, l≠e, l ok, o≠l -> 2 errors.
    const score = scoreAttempt("hello", "hllo", 60);
    expect(score.errors).toBe(2);
    expect(score.correctChars).toBe(2);
    expect(score.accuracy).toBe(50);
  });

  it("rounds every derived number to 2 decimals", () => {
    // 2 of 3 correct in 7 s: wpm = 2/5/(7/60) = 3.428571… -> 3.43,
    // raw = 3/5/(7/60) = 5.142857… -> 5.14, accuracy = 66.666… -> 66.67.
    expect(scoreAttempt("abc", "abd", 7)).toMatchObject({
      wpm: 3.43,
      rawWpm: 5.14,
      accuracy: 66.67,
    });
    // 1 of 3 correct: accuracy 33.333… -> 33.33.
    expect(scoreAttempt("abc", "axy", 60).accuracy).toBe(33.33);
  });

  it("rounds an exact .xx5 wpm half up (1.005 -> 1.01)", () => {
    // 67 correct chars in 800 s: 67/5/(800/60) = 804/800 = 1.005.
    const text = "a".repeat(67);
    expect(scoreAttempt(text, text, 800)).toMatchObject({ wpm: 1.01, rawWpm: 1.01 });
  });

  it("rounds an exact .xx5 wpm half up (2.675 -> 2.68)", () => {
    // 107 correct chars in 480 s: 107/5/(480/60) = 1284/480 = 2.675.
    const text = "b".repeat(107);
    expect(scoreAttempt(text, text, 480)).toMatchObject({ wpm: 2.68, rawWpm: 2.68 });
  });

  describe("unicode", () => {
    it("treats composed typed text as equal to decomposed content", () => {
      // 4 chars in 12 s = 0.2 min: 4 / 5 / 0.2 = 4 wpm.
      expect(scoreAttempt("cafe\u0301", "caf\u00e9", 12)).toEqual({
        wpm: 4,
        rawWpm: 4,
        accuracy: 100,
        errors: 0,
        correctChars: 4,
        typedChars: 4,
        consistency: null,
      });
    });

    it("treats decomposed typed text as equal to composed content", () => {
      const score = scoreAttempt("na\u00efve r\u00e9sum\u00e9", "nai\u0308ve re\u0301sume\u0301", 60);
      expect(score.errors).toBe(0);
      expect(score.typedChars).toBe(12);
      expect(score.correctChars).toBe(12);
    });

    it("flags an unaccented letter where an accent is expected", () => {
      const score = scoreAttempt("caf\u00e9", "cafe", 60);
      expect(score.errors).toBe(1);
      expect(score.correctChars).toBe(3);
      expect(score.accuracy).toBe(75);
    });

    it("counts an emoji as one character", () => {
      // "I 😀 TS" is 6 code points (8 UTF-16 units).
      const exact = scoreAttempt("I 😀 TS", "I 😀 TS", 60);
      expect(exact.typedChars).toBe(6);
      expect(exact.errors).toBe(0);

      const wrongEmoji = scoreAttempt("I 😀 TS", "I 😃 TS", 60);
      expect(wrongEmoji.errors).toBe(1);
      expect(wrongEmoji.correctChars).toBe(5);
      expect(wrongEmoji.accuracy).toBe(83.33);
    });

    it("does not let an emoji stand in for two content characters", () => {
      const score = scoreAttempt("ab", "😀", 60);
      expect(score.typedChars).toBe(1);
      expect(score.errors).toBe(1);
    });

    it("scores CJK text per character", () => {
      // 6 chars, last wrong, 60 s: wpm 5/5 = 1, raw 6/5 = 1.2, accuracy 83.33.
      expect(scoreAttempt("日本語を話す", "日本語を話せ", 60)).toEqual({
        wpm: 1,
        rawWpm: 1.2,
        accuracy: 83.33,
        errors: 1,
        correctChars: 5,
        typedChars: 6,
        consistency: null,
      });
    });

    it("distinguishes Cyrillic from look-alike Latin letters", () => {
      // Second char is Latin "p" (U+0070) instead of Cyrillic "р" (U+0440).
      // 9 of 10 correct in 30 s: wpm 9/5/0.5 = 3.6, raw 10/5/0.5 = 4.
      expect(scoreAttempt("привет мир", "пpивет мир", 30)).toEqual({
        wpm: 3.6,
        rawWpm: 4,
        accuracy: 90,
        errors: 1,
        correctChars: 9,
        typedChars: 10,
        consistency: null,
      });
    });
  });

  describe("line endings", () => {
    it("counts CRLF in typed text as a single newline", () => {
      const score = scoreAttempt("line one\nline two", "line one\r\nline two", 60);
      expect(score.typedChars).toBe(17);
      expect(score.errors).toBe(0);
      expect(score.accuracy).toBe(100);
    });

    it("normalises CRLF in content the same way", () => {
      const score = scoreAttempt("a\r\nb", "a\nb", 60);
      expect(score.typedChars).toBe(3);
      expect(score.errors).toBe(0);
    });

    it("does not treat a lone CR as a newline", () => {
      const score = scoreAttempt("a\nb", "a\rb", 60);
      expect(score.errors).toBe(1);
      expect(score.correctChars).toBe(2);
    });
  });

  describe("long texts", () => {
    const content = "abcdefghij".repeat(500); // 5,000 chars

    it("scores 5,000 chars with every 100th wrong", () => {
      const typed = Array.from(content, (c, i) => ((i + 1) % 100 === 0 ? "#" : c)).join("");
      // 50 wrong, 4,950 correct, 700 s:
      // wpm = 4950/5/(700/60) = 990*60/700 = 84.857… -> 84.86
      // raw = 5000/5/(700/60) = 1000*60/700 = 85.714… -> 85.71
      // accuracy = 100 * 4950/5000 = 99
      expect(scoreAttempt(content, typed, 700)).toEqual({
        wpm: 84.86,
        rawWpm: 85.71,
        accuracy: 99,
        errors: 50,
        correctChars: 4950,
        typedChars: 5000,
        consistency: null,
      });
    });

    it("scores a perfect 5,000-char attempt", () => {
      // 5000/5/(300/60) = 1000/5 = 200 wpm.
      expect(scoreAttempt(content, content, 300)).toMatchObject({
        wpm: 200,
        rawWpm: 200,
        accuracy: 100,
        errors: 0,
        correctChars: 5000,
        typedChars: 5000,
      });
    });

    it("scores 5,000 correct chars followed by 100 extra", () => {
      // 5100 typed, 100 extra errors, 600 s:
      // wpm = 5000/5/10 = 100, raw = 5100/5/10 = 102, accuracy = 500000/5100 = 98.039… -> 98.04.
      expect(scoreAttempt(content, content + "x".repeat(100), 600)).toMatchObject({
        wpm: 100,
        rawWpm: 102,
        accuracy: 98.04,
        errors: 100,
        correctChars: 5000,
        typedChars: 5100,
      });
    });
  });

  describe("argument validation", () => {
    it("rejects empty typed text", () => {
      expect(() => scoreAttempt("abc", "", 10)).toThrow(RangeError);
    });

    it.each([0, -1, NaN, Infinity])("rejects timeTakenSeconds = %s", (seconds) => {
      expect(() => scoreAttempt("abc", "abc", seconds)).toThrow(RangeError);
    });
  });

  describe("consistency", () => {
    it("is null without key timings", () => {
      expect(scoreAttempt("abc", "abc", 10).consistency).toBeNull();
    });

    it("is null with an empty timings array", () => {
      expect(scoreAttempt("abc", "abc", 10, []).consistency).toBeNull();
    });

    it("is computed from the timings when given", () => {
      const timings = keysAt([...evenSecond(0, 5), ...evenSecond(1, 5), ...evenSecond(2, 5)]);
      expect(scoreAttempt("abc", "abc", 3, timings).consistency).toBe(100);
    });
  });
});

describe("consistencyFromTimings", () => {
  it("is null when there are no character keystrokes", () => {
    expect(consistencyFromTimings([])).toBeNull();
    expect(
      consistencyFromTimings([
        { key: "Shift", t: 0 },
        { key: "Backspace", t: 100 },
        { key: "Shift", t: 1200 },
        { key: "Backspace", t: 1800 },
      ]),
    ).toBeNull();
  });

  it("is 100 for perfectly even typing", () => {
    // 5 keys per second at 0, 200, …, 2800 ms: buckets [5, 5, 5], cv = 0.
    expect(
      consistencyFromTimings(keysAt([...evenSecond(0, 5), ...evenSecond(1, 5), ...evenSecond(2, 5)])),
    ).toBe(100);
  });

  it("is 100 for a single keystroke", () => {
    expect(consistencyFromTimings(keysAt([300]))).toBe(100);
  });

  it("ignores non-character keys when bucketing", () => {
    const timings: KeyTiming[] = [
      ...keysAt(evenSecond(0, 5)),
      { key: "Shift", t: 1050 },
      { key: "Shift", t: 1060 },
      { key: "Backspace", t: 1070 },
      ...keysAt(evenSecond(1, 5)),
      ...keysAt(evenSecond(2, 5)),
    ];
    expect(consistencyFromTimings(timings)).toBe(100);
  });

  it("computes a known uneven pattern: 1 then 3 keys per second", () => {
    // Buckets [1, 3] -> speeds [12, 36]; mean = 24.
    // Population stddev = sqrt(((12-24)² + (36-24)²) / 2) = sqrt(144) = 12; cv = 12/24 = 0.5.
    // x = cv + cv³/3 + cv⁵/5 = 0.5 + 0.125/3 + 0.03125/5 = 0.5479166…
    // tanh(0.5479166…) = 0.4989571…; 100 × (1 − 0.4989571…) = 50.104… -> 50.1.
    expect(consistencyFromTimings(keysAt([100, 1100, 1300, 1600]))).toBe(50.1);
  });

  it("computes a known alternating pattern: 2, 4, 2, 4 keys per second", () => {
    // Speeds [24, 48, 24, 48]; mean = 36; stddev = 12; cv = 1/3.
    // x = 1/3 + (1/27)/3 + (1/243)/5 = 0.333333 + 0.012346 + 0.000823 = 0.346502…
    // tanh(0.346502…) = 0.3332697…; 100 × (1 − 0.3332697…) = 66.673… -> 66.67.
    const times = [
      0, 500, // second 0: 2 keys
      1000, 1200, 1400, 1600, // second 1: 4 keys
      2000, 2500, // second 2: 2 keys
      3000, 3200, 3400, 3600, // second 3: 4 keys (last at +600 ms: not partial)
    ];
    expect(consistencyFromTimings(keysAt(times))).toBe(66.67);
  });

  it("counts empty seconds as zero speed", () => {
    // Buckets [3, 0, 3] -> speeds [36, 0, 36]; mean = 24.
    // stddev = sqrt((12² + 24² + 12²) / 3) = sqrt(288) = 16.9706…; cv = 0.7071068…
    // x = 0.7071068 + 0.3535534/3 + 0.1767767/5 = 0.8603133…
    // tanh(0.8603133…) = 0.6964190…; 100 × (1 − 0.6964190…) = 30.358… -> 30.36.
    expect(consistencyFromTimings(keysAt([0, 300, 600, 2000, 2300, 2600]))).toBe(30.36);
  });

  it("drops a partial final bucket when at least 2 buckets remain", () => {
    // Buckets [5, 5, 1]; the last key is 100 ms into second 2 (< 500) -> dropped.
    // Remaining [5, 5] -> cv = 0 -> 100.
    const times = [...evenSecond(0, 5), ...evenSecond(1, 5), 2100];
    expect(consistencyFromTimings(keysAt(times))).toBe(100);
  });

  it("keeps the final bucket when the last key is exactly 500 ms into it", () => {
    // Buckets [5, 5, 1] -> speeds [60, 60, 12]; mean = 44.
    // stddev = sqrt((16² + 16² + 32²) / 3) = sqrt(512) = 22.6274…; cv = 0.5142595…
    // x = 0.5142595 + 0.1360026/3 + 0.0359675/5 = 0.5667872…
    // tanh(0.5667872…) = 0.5129959…; 100 × (1 − 0.5129959…) = 48.700… -> 48.7.
    const times = [...evenSecond(0, 5), ...evenSecond(1, 5), 2500];
    expect(consistencyFromTimings(keysAt(times))).toBe(48.7);
  });

  it("drops the final bucket when the last key is 499 ms into it", () => {
    const times = [...evenSecond(0, 5), ...evenSecond(1, 5), 2499];
    expect(consistencyFromTimings(keysAt(times))).toBe(100);
  });

  it("keeps a partial final bucket when dropping it would leave only 1 bucket", () => {
    // Buckets [5, 1], last key 100 ms into second 1 but only 2 buckets -> kept.
    // Speeds [60, 12]; mean = 36; stddev = 24; cv = 2/3.
    // x = 2/3 + (8/27)/3 + (32/243)/5 = 0.666667 + 0.098765 + 0.026337 = 0.7917695…
    // tanh(0.7917695…) = 0.6594103…; 100 × (1 − 0.6594103…) = 34.059… -> 34.06.
    expect(consistencyFromTimings(keysAt([...evenSecond(0, 5), 1100]))).toBe(34.06);
  });

  it("returns 0 when the kept buckets have no keystrokes (mean 0)", () => {
    // Buckets [0, 0, 2]; the final one is partial (200 ms) and 2 remain -> dropped,
    // leaving [0, 0] with mean 0.
    expect(consistencyFromTimings(keysAt([2100, 2200]))).toBe(0);
  });

  it("handles an absurd timestamp without allocating per-second buckets", () => {
    // 1e9 + 1 buckets; the final one is partial -> dropped -> all remaining empty -> 0.
    expect(consistencyFromTimings(keysAt([1e12]))).toBe(0);
  });

  it("ignores keystrokes with negative or non-finite timestamps", () => {
    const times = [-500, NaN, Infinity, ...evenSecond(0, 5), ...evenSecond(1, 5), ...evenSecond(2, 5)];
    expect(consistencyFromTimings(keysAt(times))).toBe(100);
    expect(consistencyFromTimings(keysAt([-1, NaN]))).toBeNull();
  });

  it("counts Space, Enter and Tab as character keystrokes", () => {
    // Buckets [1, 3] as in the 50.1 case, using named keys.
    const timings: KeyTiming[] = [
      { key: "Space", t: 100 },
      { key: "Enter", t: 1100 },
      { key: "Tab", t: 1300 },
      { key: "Space", t: 1600 },
    ];
    expect(consistencyFromTimings(timings)).toBe(50.1);
  });
});

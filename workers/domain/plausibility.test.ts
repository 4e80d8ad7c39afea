import { describe, it, expect } from "vitest";
import type { KeyTiming } from "./scoring";
import {
  checkPlausibility,
  KEYSTROKE_SPAN_TOLERANCE_MS,
  replayKeystrokes,
  WPM_CEILING,
} from "./plausibility";

/** One keystroke per key name, `stepMs` apart starting at `startMs`, each held 80 ms. */
function press(keys: readonly string[], startMs = 0, stepMs = 200): KeyTiming[] {
  return keys.map((key, i) => {
    const t = startMs + i * stepMs;
    return { key, t, up: t + 80 };
  });
}

/** Keystrokes that type `text` character by character (as browsers report `key`). */
function typeText(text: string, startMs = 0, stepMs = 200): KeyTiming[] {
  return press(Array.from(text), startMs, stepMs);
}

const PASS = { flagged: false, reasons: [] };

describe("constants", () => {
  it("exposes the documented thresholds", () => {
    expect(WPM_CEILING).toBe(300);
    expect(KEYSTROKE_SPAN_TOLERANCE_MS).toBe(250);
  });
});

describe("checkPlausibility: WPM_ABOVE_CEILING", () => {
  it("passes exactly 300 wpm", () => {
    expect(checkPlausibility({ typedText: "abc", timeTakenSeconds: 10, wpm: 300 })).toEqual(PASS);
  });

  it("flags 300.01 wpm", () => {
    expect(checkPlausibility({ typedText: "abc", timeTakenSeconds: 10, wpm: 300.01 })).toEqual({
      flagged: true,
      reasons: ["WPM_ABOVE_CEILING"],
    });
  });

  it("applies only the wpm rule without key timings", () => {
    // A long text with no keystrokes cannot be checked for paste without timings.
    const typedText = "x".repeat(5000);
    expect(checkPlausibility({ typedText, timeTakenSeconds: 1, wpm: 120 })).toEqual(PASS);
  });

  it("treats an empty timings array like missing timings", () => {
    expect(
      checkPlausibility({ typedText: "hello", timeTakenSeconds: 0.1, wpm: 120, keyTimings: [] }),
    ).toEqual(PASS);
  });
});

describe("checkPlausibility: legitimate typing", () => {
  it("passes plain typing that matches the keystrokes", () => {
    const typedText = "the quick brown fox";
    // 19 keys, 200 ms apart: last down at 3600, up at 3680 -> span 3680 ms.
    expect(
      checkPlausibility({ typedText, timeTakenSeconds: 3.7, wpm: 61.62, keyTimings: typeText(typedText) }),
    ).toEqual(PASS);
  });

  it("passes typing with Shift for capitals and CapsLock", () => {
    const keyTimings = press([
      "Shift", "H", "e", "l", "l", "o", " ",
      "CapsLock", "W", "O", "CapsLock", "r", "l", "d", "Shift", "!",
    ]);
    expect(
      checkPlausibility({ typedText: "Hello WOrld!", timeTakenSeconds: 4, wpm: 36, keyTimings }),
    ).toEqual(PASS);
  });

  it("passes typing with corrections via Backspace", () => {
    const keyTimings = press(["t", "e", "s", "x", "Backspace", "t"]);
    expect(
      checkPlausibility({ typedText: "test", timeTakenSeconds: 2, wpm: 24, keyTimings }),
    ).toEqual(PASS);
  });

  it("passes multi-line typing with Enter even when the text uses CRLF", () => {
    const keyTimings = press(["a", "Enter", "b", "Tab", "c", "Space", "d"]);
    expect(
      checkPlausibility({ typedText: "a\r\nb\tc d", timeTakenSeconds: 2, wpm: 42, keyTimings }),
    ).toEqual(PASS);
  });

  it("passes accented text typed as decomposed keys", () => {
    const keyTimings = press(["c", "a", "f", "e", "\u0301"]);
    expect(
      checkPlausibility({ typedText: "caf\u00e9", timeTakenSeconds: 1, wpm: 48, keyTimings }),
    ).toEqual(PASS);
  });

  it("passes emoji typed as one keystroke", () => {
    const keyTimings = press(["h", "i", " ", "😀"]);
    expect(
      checkPlausibility({ typedText: "hi 😀", timeTakenSeconds: 1, wpm: 48, keyTimings }),
    ).toEqual(PASS);
  });
});

describe("checkPlausibility: KEYSTROKES_CANNOT_PRODUCE_TEXT", () => {
  it("flags paste-like input: one keystroke, long text", () => {
    const typedText = "lorem ipsum ".repeat(40); // 480 chars
    const keyTimings: KeyTiming[] = [{ key: "v", t: 0, up: 50 }];
    expect(checkPlausibility({ typedText, timeTakenSeconds: 60, wpm: 96, keyTimings })).toEqual({
      flagged: true,
      reasons: ["KEYSTROKES_CANNOT_PRODUCE_TEXT"],
    });
  });

  it("flags Control+V paste", () => {
    const keyTimings = press(["Control", "v"]);
    expect(
      checkPlausibility({ typedText: "pasted text", timeTakenSeconds: 5, wpm: 26.4, keyTimings }),
    ).toEqual({ flagged: true, reasons: ["KEYSTROKES_CANNOT_PRODUCE_TEXT"] });
  });

  it("passes when the character keystroke count equals the character count", () => {
    // Boundary of rule (a): 3 keys for 3 chars; replay is inconclusive (ArrowLeft).
    const keyTimings = press(["a", "b", "ArrowLeft", "c"]);
    expect(
      checkPlausibility({ typedText: "acb", timeTakenSeconds: 1, wpm: 36, keyTimings }),
    ).toEqual(PASS);
  });

  it("flags one character keystroke fewer than characters, even with an inconclusive replay", () => {
    const keyTimings = press(["a", "b", "ArrowLeft", "c"]);
    expect(
      checkPlausibility({ typedText: "acbd", timeTakenSeconds: 1, wpm: 48, keyTimings }),
    ).toEqual({ flagged: true, reasons: ["KEYSTROKES_CANNOT_PRODUCE_TEXT"] });
  });

  it("counts code points after normalisation, not UTF-16 units", () => {
    // "😀" is 2 UTF-16 units but 1 code point; decomposed "é" composes to 1.
    const keyTimings = press(["😀", "e", "\u0301"]);
    expect(
      checkPlausibility({ typedText: "😀\u00e9", timeTakenSeconds: 1, wpm: 24, keyTimings }),
    ).toEqual(PASS);
  });

  it("flags a conclusive replay that differs from the typed text", () => {
    const keyTimings = press(["a", "b", "c"]);
    expect(
      checkPlausibility({ typedText: "abd", timeTakenSeconds: 1, wpm: 36, keyTimings }),
    ).toEqual({ flagged: true, reasons: ["KEYSTROKES_CANNOT_PRODUCE_TEXT"] });
  });

  it("flags a replay that loses characters to Backspace", () => {
    // 4 character keys for 4 chars passes rule (a), but the replay yields "tet".
    const keyTimings = press(["t", "e", "s", "Backspace", "t"]);
    expect(
      checkPlausibility({ typedText: "test", timeTakenSeconds: 1, wpm: 48, keyTimings }),
    ).toEqual({ flagged: true, reasons: ["KEYSTROKES_CANNOT_PRODUCE_TEXT"] });
  });

  it("flags extra keystrokes that produce text beyond the submission", () => {
    const keyTimings = typeText("hello!");
    expect(
      checkPlausibility({ typedText: "hello", timeTakenSeconds: 2, wpm: 30, keyTimings }),
    ).toEqual({ flagged: true, reasons: ["KEYSTROKES_CANNOT_PRODUCE_TEXT"] });
  });

  it("falls back to the count rule when a Dead key makes the replay inconclusive", () => {
    // Dead + e -> "é" in the browser; we cannot replay it but the count is sufficient.
    const keyTimings = press(["c", "a", "f", "Dead", "\u00e9"]);
    expect(
      checkPlausibility({ typedText: "caf\u00e9", timeTakenSeconds: 1, wpm: 48, keyTimings }),
    ).toEqual(PASS);
  });

  it("reports the reason once when both the count and the replay fail", () => {
    const keyTimings = press(["x"]);
    const verdict = checkPlausibility({ typedText: "abc", timeTakenSeconds: 1, wpm: 36, keyTimings });
    expect(verdict.reasons).toEqual(["KEYSTROKES_CANNOT_PRODUCE_TEXT"]);
  });
});

describe("checkPlausibility: TIME_SHORTER_THAN_KEYSTROKES", () => {
  /** Two keys "a","b" whose span is exactly `spanMs` (no key-up on the last one). */
  function spanOf(spanMs: number, startMs = 0): KeyTiming[] {
    return [
      { key: "a", t: startMs },
      { key: "b", t: startMs + spanMs },
    ];
  }

  it("passes when the span is exactly timeTaken*1000 + 250", () => {
    expect(
      checkPlausibility({ typedText: "ab", timeTakenSeconds: 10, wpm: 2.4, keyTimings: spanOf(10250) }),
    ).toEqual(PASS);
  });

  it("flags when the span exceeds timeTaken*1000 + 250", () => {
    expect(
      checkPlausibility({ typedText: "ab", timeTakenSeconds: 10, wpm: 2.4, keyTimings: spanOf(10251) }),
    ).toEqual({ flagged: true, reasons: ["TIME_SHORTER_THAN_KEYSTROKES"] });
  });

  it("measures the span from the first key-down, not from 0", () => {
    // Keys from 5000 to 15250: span 10250 -> passes for 10 s.
    expect(
      checkPlausibility({ typedText: "ab", timeTakenSeconds: 10, wpm: 2.4, keyTimings: spanOf(10250, 5000) }),
    ).toEqual(PASS);
  });

  it("extends the span to the last key-up", () => {
    const keyTimings: KeyTiming[] = [
      { key: "a", t: 0, up: 90 },
      { key: "b", t: 10000, up: 10251 },
    ];
    expect(
      checkPlausibility({ typedText: "ab", timeTakenSeconds: 10, wpm: 2.4, keyTimings }),
    ).toEqual({ flagged: true, reasons: ["TIME_SHORTER_THAN_KEYSTROKES"] });
  });

  it("uses the latest key-up even when it belongs to an earlier key", () => {
    // A held Shift released after the last character.
    const keyTimings: KeyTiming[] = [
      { key: "Shift", t: 0, up: 5300 },
      { key: "A", t: 100, up: 150 },
      { key: "B", t: 4000, up: 4050 },
    ];
    // span = 5300 - 0 = 5300 > 5*1000 + 250.
    expect(
      checkPlausibility({ typedText: "AB", timeTakenSeconds: 5, wpm: 4.8, keyTimings }),
    ).toEqual({ flagged: true, reasons: ["TIME_SHORTER_THAN_KEYSTROKES"] });
    // With 5.05 s the limit is 5300 -> passes.
    expect(
      checkPlausibility({ typedText: "AB", timeTakenSeconds: 5.05, wpm: 4.75, keyTimings }),
    ).toEqual(PASS);
  });

  it("ignores a non-finite key-up and uses the key-down instead", () => {
    const keyTimings: KeyTiming[] = [
      { key: "a", t: 0, up: Infinity },
      { key: "b", t: 1000, up: NaN },
    ];
    expect(
      checkPlausibility({ typedText: "ab", timeTakenSeconds: 1, wpm: 24, keyTimings }),
    ).toEqual(PASS);
  });
});

describe("checkPlausibility: TIMESTAMPS_NOT_MONOTONIC", () => {
  it("passes equal consecutive timestamps", () => {
    const keyTimings: KeyTiming[] = [
      { key: "Shift", t: 100 },
      { key: "A", t: 100 },
      { key: "b", t: 300 },
    ];
    expect(
      checkPlausibility({ typedText: "Ab", timeTakenSeconds: 1, wpm: 24, keyTimings }),
    ).toEqual(PASS);
  });

  it("passes a first timestamp of exactly 0", () => {
    expect(
      checkPlausibility({ typedText: "ab", timeTakenSeconds: 1, wpm: 24, keyTimings: press(["a", "b"], 0) }),
    ).toEqual(PASS);
  });

  it("flags a timestamp smaller than the previous one", () => {
    const keyTimings: KeyTiming[] = [
      { key: "a", t: 200 },
      { key: "b", t: 199 },
    ];
    expect(
      checkPlausibility({ typedText: "ab", timeTakenSeconds: 1, wpm: 24, keyTimings }),
    ).toEqual({ flagged: true, reasons: ["TIMESTAMPS_NOT_MONOTONIC"] });
  });

  it("flags a negative timestamp", () => {
    const keyTimings: KeyTiming[] = [
      { key: "a", t: -1 },
      { key: "b", t: 100 },
    ];
    expect(
      checkPlausibility({ typedText: "ab", timeTakenSeconds: 1, wpm: 24, keyTimings }),
    ).toEqual({ flagged: true, reasons: ["TIMESTAMPS_NOT_MONOTONIC"] });
  });

  it.each([NaN, Infinity, -Infinity])("flags a non-finite timestamp (%s)", (bad) => {
    const keyTimings: KeyTiming[] = [
      { key: "a", t: 0 },
      { key: "b", t: bad },
    ];
    expect(
      checkPlausibility({ typedText: "ab", timeTakenSeconds: 1, wpm: 24, keyTimings }),
    ).toEqual({ flagged: true, reasons: ["TIMESTAMPS_NOT_MONOTONIC"] });
  });
});

describe("checkPlausibility: several reasons", () => {
  it("lists every reason once, in the order of the FlagReason union", () => {
    // Out-of-order timestamps spanning 20 s, one character key, 500 wpm claimed in 1 s.
    const keyTimings: KeyTiming[] = [
      { key: "v", t: 20000 },
      { key: "Control", t: 0 },
    ];
    expect(
      checkPlausibility({ typedText: "x".repeat(50), timeTakenSeconds: 1, wpm: 500, keyTimings }),
    ).toEqual({
      flagged: true,
      reasons: [
        "WPM_ABOVE_CEILING",
        "KEYSTROKES_CANNOT_PRODUCE_TEXT",
        "TIME_SHORTER_THAN_KEYSTROKES",
        "TIMESTAMPS_NOT_MONOTONIC",
      ],
    });
  });

  it("combines the ceiling with a keystroke mismatch", () => {
    const keyTimings = press(["a"]);
    expect(
      checkPlausibility({ typedText: "abcdef", timeTakenSeconds: 0.2, wpm: 360, keyTimings }),
    ).toEqual({ flagged: true, reasons: ["WPM_ABOVE_CEILING", "KEYSTROKES_CANNOT_PRODUCE_TEXT"] });
  });
});

describe("replayKeystrokes", () => {
  it("appends single code points in order", () => {
    expect(replayKeystrokes(press(["a", "B", "😀", "日", "ж"]))).toBe("aB😀日ж");
  });

  it("maps Space, Enter and Tab to their characters", () => {
    expect(replayKeystrokes(press(["a", "Space", "b", "Enter", "c", "Tab", "d"]))).toBe("a b\nc\td");
  });

  it("removes the last code point on Backspace", () => {
    expect(replayKeystrokes(press(["t", "e", "s", "x", "Backspace", "t"]))).toBe("test");
    // An emoji is removed whole, not half a surrogate pair.
    expect(replayKeystrokes(press(["a", "😀", "Backspace"]))).toBe("a");
  });

  it("ignores Backspace on empty text", () => {
    expect(replayKeystrokes(press(["Backspace", "Backspace", "a"]))).toBe("a");
    expect(replayKeystrokes(press(["a", "Backspace", "Backspace"]))).toBe("");
  });

  it("ignores modifier keys", () => {
    const keys = ["Shift", "H", "Control", "Alt", "Meta", "CapsLock", "AltGraph", "Fn", "i"];
    expect(replayKeystrokes(press(keys))).toBe("Hi");
  });

  it("returns the result NFC-normalised", () => {
    expect(replayKeystrokes(press(["e", "\u0301"]))).toBe("\u00e9");
  });

  it("returns an empty string for no keystrokes", () => {
    expect(replayKeystrokes([])).toBe("");
  });

  it.each(["ArrowLeft", "ArrowRight", "Delete", "Dead", "Home", "End", "Process", "Unidentified", "Escape"])(
    "is inconclusive (null) when %s appears",
    (key) => {
      expect(replayKeystrokes(press(["a", key, "b"]))).toBeNull();
    },
  );
});

/**
 * First anti-cheat pass: cheap, deterministic checks that a submitted attempt
 * could have been produced by a human typing it. A flag is a signal for review,
 * not proof of cheating, so each rule is conservative and has a tolerance.
 */

import type { KeyTiming } from "./scoring";
import { isCharacterKey, toCharacters } from "./scoring";

/** Why an attempt was flagged. Verdict reasons are always listed in this order. */
export type FlagReason =
  | "WPM_ABOVE_CEILING"
  | "KEYSTROKES_CANNOT_PRODUCE_TEXT"
  | "TIME_SHORTER_THAN_KEYSTROKES"
  | "TIMESTAMPS_NOT_MONOTONIC";

export interface PlausibilityInput {
  typedText: string;
  timeTakenSeconds: number;
  wpm: number;
  keyTimings?: readonly KeyTiming[];
}

export interface PlausibilityVerdict {
  flagged: boolean;
  reasons: FlagReason[];
}

/** Well above the fastest sustained human typing; anything faster is flagged. */
export const WPM_CEILING = 300;

/**
 * Slack allowed between the keystroke span and the reported time: the client
 * stops its clock on the last key-down, while the key-up may come a bit later.
 */
export const KEYSTROKE_SPAN_TOLERANCE_MS = 250;

/** Keys that change no text and can be skipped safely during replay. */
const MODIFIER_KEYS: ReadonlySet<string> = new Set([
  "Shift",
  "Control",
  "Alt",
  "Meta",
  "CapsLock",
  "AltGraph",
  "Fn",
]);

/** Named keys that insert a known character. */
const NAMED_KEY_TEXT: ReadonlyMap<string, string> = new Map([
  ["Space", " "],
  ["Enter", "\n"],
  ["Tab", "\t"],
]);

/**
 * Checks an attempt for signs that it was not typed by hand.
 *
 * - `WPM_ABOVE_CEILING`: wpm > {@link WPM_CEILING}.
 * With non-empty keyTimings additionally:
 * - `KEYSTROKES_CANNOT_PRODUCE_TEXT`: fewer character keystrokes than characters
 *   in the (normalised) typed text, or a conclusive {@link replayKeystrokes}
 *   result that differs from the typed text.
 * - `TIME_SHORTER_THAN_KEYSTROKES`: the keystroke span, max(up ?? t) − min(t),
 *   exceeds timeTaken × 1000 + {@link KEYSTROKE_SPAN_TOLERANCE_MS}.
 * - `TIMESTAMPS_NOT_MONOTONIC`: some `t` is negative, not finite, or smaller
 *   than the previous `t`.
 *
 * Reasons are unique and ordered as in {@link FlagReason}.
 */
export function checkPlausibility(input: PlausibilityInput): PlausibilityVerdict {
  const { typedText, timeTakenSeconds, wpm, keyTimings } = input;
  const hasTimings = keyTimings !== undefined && keyTimings.length > 0;
  const reasons: FlagReason[] = [];

  if (wpm > WPM_CEILING) reasons.push("WPM_ABOVE_CEILING");
  if (hasTimings) {
    if (!keystrokesCanProduceText(keyTimings, typedText)) {
      reasons.push("KEYSTROKES_CANNOT_PRODUCE_TEXT");
    }
    if (timeTakenSeconds * 1000 + KEYSTROKE_SPAN_TOLERANCE_MS < keystrokeSpanMs(keyTimings)) {
      reasons.push("TIME_SHORTER_THAN_KEYSTROKES");
    }
    if (!timestampsMonotonic(keyTimings)) reasons.push("TIMESTAMPS_NOT_MONOTONIC");
  }

  return { flagged: reasons.length > 0, reasons };
}

/**
 * Replays keystrokes to reconstruct the text they produce.
 *
 * Single code points are appended; "Space", "Enter" and "Tab" insert " ", "\n"
 * and "\t"; "Backspace" removes the last code point; modifiers (Shift, Control,
 * Alt, Meta, CapsLock, AltGraph, Fn) are ignored. Any other key (arrows, Delete,
 * Dead, Home, IME "Process", "Unidentified", …) moves the caret or composes text
 * in ways we cannot reproduce, so the replay is inconclusive and returns null.
 *
 * @returns the NFC-normalised text, or null when it cannot be determined.
 */
export function replayKeystrokes(keyTimings: readonly KeyTiming[]): string | null {
  const text: string[] = [];
  for (const { key } of keyTimings) {
    if (MODIFIER_KEYS.has(key)) continue;
    if (key === "Backspace") {
      text.pop();
      continue;
    }
    const named = NAMED_KEY_TEXT.get(key);
    if (named !== undefined) {
      text.push(named);
      continue;
    }
    if (!isCharacterKey(key)) return null;
    text.push(key);
  }
  return text.join("").normalize("NFC");
}

/** Rule (a) count check, then rule (b) exact replay when the replay is conclusive. */
function keystrokesCanProduceText(keyTimings: readonly KeyTiming[], typedText: string): boolean {
  const expected = toCharacters(typedText);
  // Every character needs at least one keystroke; fewer means paste or injection.
  const characterKeystrokes = keyTimings.filter((k) => isCharacterKey(k.key)).length;
  if (characterKeystrokes < expected.length) return false;

  const replayed = replayKeystrokes(keyTimings);
  if (replayed === null) return true;
  // Compare through the same normalisation as the typed text (CRLF, NFC).
  return toCharacters(replayed).join("") === expected.join("");
}

/**
 * Time from the first key-down to the last key release (or key-down when no
 * key-up is known). Non-finite values are skipped: they are reported by the
 * monotonicity rule, and keeping the rules independent makes reasons precise.
 */
function keystrokeSpanMs(keyTimings: readonly KeyTiming[]): number {
  let first = Infinity;
  let last = -Infinity;
  for (const { t, up } of keyTimings) {
    if (!Number.isFinite(t)) continue;
    const end = up !== undefined && Number.isFinite(up) ? up : t;
    first = Math.min(first, t);
    last = Math.max(last, end);
  }
  return first === Infinity ? 0 : last - first;
}

/** True when every `t` is finite, non-negative and not smaller than the previous one. */
function timestampsMonotonic(keyTimings: readonly KeyTiming[]): boolean {
  let previous = 0;
  for (const { t } of keyTimings) {
    if (!Number.isFinite(t) || t < 0 || t < previous) return false;
    previous = t;
  }
  return true;
}

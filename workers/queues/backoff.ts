/** Exponential retry delays for queue consumers. */

export const RETRY_BASE_SECONDS = 2;
export const RETRY_MAX_SECONDS = 15 * 60;

/**
 * Delay before the next delivery of a message that has been attempted `attempts` times
 * (1-based, as `Message.attempts`): 2 s, 4 s, 8 s, … capped at 15 minutes.
 */
export function retryDelaySeconds(attempts: number): number {
  const exponent = Math.max(0, Math.floor(attempts) - 1);
  return Math.min(RETRY_MAX_SECONDS, RETRY_BASE_SECONDS * 2 ** Math.min(exponent, 20));
}

/** How far ahead of the hub's clock a device's own time may be (its clock may be a little off). */
const AHEAD_MS = 5 * 60 * 1000;

/**
 * When something happened on a device that may have been offline (a note typed, a person checked
 * in): the time the device sent, unless it is missing, not a time or too far in the future; never
 * later than the hub's now.
 */
export function deviceTime(sent: string | undefined, now: Date): string {
  const at = sent ? Date.parse(sent) : NaN;
  return Number.isFinite(at) && at <= now.getTime() + AHEAD_MS ? new Date(Math.min(at, now.getTime())).toISOString() : now.toISOString();
}

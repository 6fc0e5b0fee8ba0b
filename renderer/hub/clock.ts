/** One exchange of {t:'time'}: its round trip and the hub−client offset it implies. */
export interface ClockSample {
  rttMs: number;
  offsetMs: number;
}

/** offset = hubTime − (sent + rtt/2): the hub stamped its time halfway through the round trip. */
export function sampleFrom(sentAt: number, receivedAt: number, hubTime: number): ClockSample {
  const rttMs = Math.max(0, receivedAt - sentAt);
  return { rttMs, offsetMs: hubTime - (sentAt + rttMs / 2) };
}

/**
 * NTP-style estimate: the samples with the lowest round trip are the least skewed by queueing;
 * take the median offset of the best three (fewer if fewer came back).
 */
export function estimateOffset(samples: readonly ClockSample[], best = 3): ClockSample | null {
  if (samples.length === 0) return null;
  const chosen = [...samples].sort((a, b) => a.rttMs - b.rttMs).slice(0, best);
  return { offsetMs: median(chosen.map((s) => s.offsetMs)), rttMs: median(chosen.map((s) => s.rttMs)) };
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

import { describe, expect, it } from 'vitest';
import { estimateOffset, sampleFrom } from '../../renderer/hub/clock.js';

describe('clock offset', () => {
  it('a sample assumes the hub stamped its time halfway through the round trip', () => {
    expect(sampleFrom(1000, 1100, 6050)).toEqual({ rttMs: 100, offsetMs: 5000 });
  });

  it('takes the median offset of the three lowest-rtt samples', () => {
    const samples = [
      { rttMs: 400, offsetMs: 900 }, // queued behind something: skewed
      { rttMs: 12, offsetMs: 5003 },
      { rttMs: 10, offsetMs: 4998 },
      { rttMs: 300, offsetMs: -200 },
      { rttMs: 11, offsetMs: 5001 },
      { rttMs: 50, offsetMs: 5100 },
    ];
    expect(estimateOffset(samples)).toEqual({ offsetMs: 5001, rttMs: 11 });
  });

  it('works with fewer samples and none', () => {
    expect(estimateOffset([])).toBeNull();
    expect(estimateOffset([{ rttMs: 5, offsetMs: 7 }])).toEqual({ offsetMs: 7, rttMs: 5 });
    expect(estimateOffset([{ rttMs: 5, offsetMs: 7 }, { rttMs: 9, offsetMs: 9 }])).toEqual({ offsetMs: 8, rttMs: 7 });
  });

  it('recovers a simulated hub clock 2.5 s ahead despite jittery, asymmetric delays', () => {
    const trueOffset = 2500;
    let seed = 42;
    const rnd = () => ((seed = (seed * 16807) % 2147483647) / 2147483647);
    const samples = Array.from({ length: 8 }, (_, i) => {
      const sent = 10_000 + i * 100;
      const up = 2 + rnd() * (i % 3 === 0 ? 200 : 4);
      const down = 2 + rnd() * 4;
      return sampleFrom(sent, sent + up + down, sent + up + trueOffset);
    });
    expect(Math.abs(estimateOffset(samples)!.offsetMs - trueOffset)).toBeLessThan(5);
  });
});

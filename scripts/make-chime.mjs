#!/usr/bin/env node
/**
 * Writes resources/sounds/chime.wav: the end-of-item chime the projector and the facilitator's
 * windows play. A soft two-tone bell (E5 then C5, with a few quiet inharmonic partials), 1.2 s,
 * 22.05 kHz mono 16-bit PCM, about 53 KB. Deterministic: the same bytes every run.
 *
 *   node scripts/make-chime.mjs [--out FILE]
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const outArg = process.argv.indexOf('--out');
const out = outArg > 0 ? path.resolve(process.argv[outArg + 1]) : path.join(root, 'resources', 'sounds', 'chime.wav');

const RATE = 22_050;
const SECONDS = 1.2;
const n = Math.round(RATE * SECONDS);

/** A bell strike: fundamental plus softer, faster-decaying partials (ratios of a small bell). */
const PARTIALS = [
  { ratio: 1, gain: 1, decay: 1.6 },
  { ratio: 2.0, gain: 0.28, decay: 3.2 },
  { ratio: 2.76, gain: 0.12, decay: 5.5 },
  { ratio: 5.4, gain: 0.05, decay: 9 },
];
const STRIKES = [
  { at: 0, freq: 659.25, gain: 1 }, // E5
  { at: 0.42, freq: 523.25, gain: 0.9 }, // C5
];

const samples = new Float64Array(n);
for (const strike of STRIKES) {
  const start = Math.round(strike.at * RATE);
  for (let i = start; i < n; i++) {
    const t = (i - start) / RATE;
    const attack = Math.min(1, t / 0.006); // a soft 6 ms onset, no click
    let v = 0;
    for (const p of PARTIALS) v += p.gain * Math.exp(-p.decay * t) * Math.sin(2 * Math.PI * strike.freq * p.ratio * t);
    samples[i] += strike.gain * attack * v;
  }
}
// Fade the tail to silence over the last 150 ms, then normalise to a gentle peak.
const fade = Math.round(0.15 * RATE);
for (let i = n - fade; i < n; i++) samples[i] *= (n - i) / fade;
let peak = 0;
for (const v of samples) peak = Math.max(peak, Math.abs(v));
const scale = (0.55 * 32767) / peak;

const dataBytes = n * 2;
const buf = Buffer.alloc(44 + dataBytes);
buf.write('RIFF', 0, 'ascii');
buf.writeUInt32LE(36 + dataBytes, 4);
buf.write('WAVE', 8, 'ascii');
buf.write('fmt ', 12, 'ascii');
buf.writeUInt32LE(16, 16); // PCM chunk size
buf.writeUInt16LE(1, 20); // PCM
buf.writeUInt16LE(1, 22); // mono
buf.writeUInt32LE(RATE, 24);
buf.writeUInt32LE(RATE * 2, 28); // byte rate
buf.writeUInt16LE(2, 32); // block align
buf.writeUInt16LE(16, 34); // bits per sample
buf.write('data', 36, 'ascii');
buf.writeUInt32LE(dataBytes, 40);
for (let i = 0; i < n; i++) buf.writeInt16LE(Math.round(samples[i] * scale), 44 + i * 2);

mkdirSync(path.dirname(out), { recursive: true });
writeFileSync(out, buf);
console.log(`make-chime: ${path.relative(process.cwd(), out)} (${buf.length} bytes, ${SECONDS} s, ${RATE} Hz mono 16-bit)`);

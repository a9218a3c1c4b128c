// Hostile class files, generated at test time (never checked in): key floods, error floods, duplicate keys far
// down a large object, brackets in text, lying and overlapping zips, formula cells. Each generator returns what
// a student could hand in; the tests in this folder time what it costs to refuse it.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { playToRun } from '../../src/run/replay';
import type { RunFile } from '../../src/run/runfile';
import { fromParsed } from '../../src/scenario/scenario';
import { Scenario } from '../../src/scenario/schema';
import { botSeasons, ROOT, smallBubbleTea } from '../sim/helpers';

let honest: { run: RunFile; text: string } | undefined;
/** An honest, finished run of a small bubble-tea market (seed "hostile"). */
export function honestRun(): { run: RunFile; text: string } {
  if (!honest) {
    const { scenario, hash } = fromParsed(smallBubbleTea(300));
    const run = playToRun(scenario, hash, 'hostile', 'Honest team', botSeasons('textbook', scenario)).run;
    honest = { run, text: JSON.stringify(run, null, 1) };
  }
  return honest;
}

/** The honest run with `n` extra keys in one object (season 1's decisions): JSON, about 11 bytes a key. */
export function keyFloodJson(n: number): string {
  const run = structuredClone(honestRun().run) as unknown as { seasons: { decisions: Record<string, unknown> }[] };
  const flood: Record<string, number> = {};
  for (let k = 0; k < n; k++) flood[`k${k}`] = 1;
  run.seasons[0].decisions.junk = flood;
  return JSON.stringify(run);
}

/** `n` keys in one YAML map, as a scenario file would hold them. */
export function keyFloodYaml(n: number): string {
  const lines = ['version: 1', 'id: flood', 'extra:'];
  for (let k = 0; k < n; k++) lines.push(`  k${k}: 1`);
  return lines.join('\n') + '\n';
}

/** A JSON object with `n` distinct keys and then one repeated key at the very end. */
export function lateDuplicateJson(n: number): string {
  const parts: string[] = [];
  for (let k = 0; k < n; k++) parts.push(`"k${k}":1`);
  parts.push('"k0":2');
  return `{${parts.join(',')}}`;
}

/** `seasons: [{}, {}, …]` up to about `chars` characters: one schema error per element in a naive checker. */
export function errorFlood(chars: number): string {
  const run = honestRun().run;
  const head = JSON.stringify({ ...run, seasons: [] }).slice(0, -1).replace(/"seasons":\[\]/, '"seasons":[');
  const n = Math.floor((chars - head.length - 2) / 3);
  return `${head}${Array(n).fill('{}').join(',')}]}`;
}

/** A scenario whose story holds `n` "[" and deeply indented block text: valid, and not nested at all. */
export function bracketStory(n: number): string {
  const base = readFileSync(join(ROOT, 'scenarios', 'bubble-tea.yaml'), 'utf8');
  const deep = ' '.repeat(300);
  const story = `story:\n  zh: "${'['.repeat(n)}"\n  en: |\n    Brackets ${'{['.repeat(n)} in text.\n${deep}  and a deeply indented line\n`;
  return base.replace(/^story:[\s\S]*?(?=^\S)/m, story);
}

/** Every occurrence of `from` in `bytes` replaced by `to` (same length): a name in both of a zip's headers. */
export function replaceBytes(bytes: Uint8Array, from: Uint8Array, to: Uint8Array): Uint8Array {
  if (from.length !== to.length) throw new Error('same length only');
  const out = bytes.slice();
  outer: for (let i = 0; i + from.length <= out.length; i++) {
    for (let k = 0; k < from.length; k++) if (out[i + k] !== from[k]) continue outer;
    out.set(to, i);
  }
  return out;
}

/** Offsets of the central directory's file headers. */
export function centralHeaders(zip: Uint8Array): number[] {
  const view = new DataView(zip.buffer, zip.byteOffset, zip.byteLength);
  let e = zip.length - 22;
  while (view.getUint32(e, true) !== 0x06054b50) e--;
  const out: number[] = [];
  let p = view.getUint32(e + 16, true);
  for (let k = 0; k < view.getUint16(e + 10, true); k++) {
    out.push(p);
    p += 46 + view.getUint16(p + 28, true) + view.getUint16(p + 30, true) + view.getUint16(p + 32, true);
  }
  return out;
}

/**
 * A raw DEFLATE stream (one fixed-Huffman block) that inflates to about `bytes` zero bytes: a literal 0, then
 * copies of 258 bytes at distance 1 (13 bits each), so 64 MiB packs into about 420 kB.
 */
export function deflateBomb(bytes: number): Uint8Array {
  const copies = Math.ceil((bytes - 1) / 258);
  const out = new Uint8Array(Math.ceil((3 + 8 + copies * 13 + 7) / 8) + 2);
  let bit = 0;
  const put = (value: number, n: number) => {
    for (let k = 0; k < n; k++, bit++) if ((value >> k) & 1) out[bit >> 3] |= 1 << (bit & 7);
  };
  // Huffman codes are written most significant bit first.
  const code = (value: number, n: number) => {
    for (let k = n - 1; k >= 0; k--, bit++) if ((value >> k) & 1) out[bit >> 3] |= 1 << (bit & 7);
  };
  put(1, 1); // final block
  put(1, 2); // fixed Huffman
  code(0x30, 8); // literal 0
  for (let k = 0; k < copies; k++) {
    code(0b11000101, 8); // length symbol 285: 258 bytes
    code(0, 5); // distance symbol 0: distance 1
  }
  code(0, 7); // end of block (256)
  return out.subarray(0, Math.ceil(bit / 8));
}

/** A zip (built by hand) of one deflated entry with the given packed data, declared size and CRC. */
export function zipOf(entries: { name: string; packed: Uint8Array; size: number; crc: number; method?: number; flags?: number }[], share = false): Uint8Array {
  const enc = new TextEncoder();
  const parts: Uint8Array[] = [];
  const central: Uint8Array[] = [];
  let offset = 0;
  let firstOffset = 0;
  entries.forEach((x, k) => {
    const name = enc.encode(x.name);
    const local = new Uint8Array(30 + name.length);
    const lv = new DataView(local.buffer);
    lv.setUint32(0, 0x04034b50, true);
    lv.setUint16(4, 20, true);
    lv.setUint16(6, x.flags ?? 0, true);
    lv.setUint16(8, x.method ?? 8, true);
    lv.setUint32(14, x.crc, true);
    lv.setUint32(18, x.packed.length, true);
    lv.setUint32(22, x.size, true);
    lv.setUint16(26, name.length, true);
    local.set(name, 30);
    const at = share && k > 0 ? firstOffset : offset;
    if (!(share && k > 0)) {
      if (k === 0) firstOffset = offset;
      parts.push(local, x.packed);
      offset += local.length + x.packed.length;
    }
    const c = new Uint8Array(46 + name.length);
    const cv = new DataView(c.buffer);
    cv.setUint32(0, 0x02014b50, true);
    cv.setUint16(4, 20, true);
    cv.setUint16(6, 20, true);
    cv.setUint16(8, x.flags ?? 0, true);
    cv.setUint16(10, x.method ?? 8, true);
    cv.setUint32(16, x.crc, true);
    cv.setUint32(20, x.packed.length, true);
    cv.setUint32(24, x.size, true);
    cv.setUint16(28, name.length, true);
    cv.setUint32(42, at, true);
    c.set(name, 46);
    central.push(c);
  });
  const cdSize = central.reduce((a, c) => a + c.length, 0);
  const end = new Uint8Array(22);
  const ev = new DataView(end.buffer);
  ev.setUint32(0, 0x06054b50, true);
  ev.setUint16(8, entries.length, true);
  ev.setUint16(10, entries.length, true);
  ev.setUint32(12, cdSize, true);
  ev.setUint32(16, offset, true);
  const all = [...parts, ...central, end];
  const out = new Uint8Array(all.reduce((a, p) => a + p.length, 0));
  let p = 0;
  for (const part of all) {
    out.set(part, p);
    p += part.length;
  }
  return out;
}

/**
 * A run of a schema-maximum scenario (200,000 customers, 20 seasons of 52 weeks) under the honest run's id,
 * with its hash computed properly and claims made up: refusing it by re-simulation would take the first season
 * of that market (tens of seconds, gigabytes).
 */
export function giantRun(): RunFile {
  const run = structuredClone(honestRun().run);
  const data = { ...structuredClone(run.scenario.data), seasons: 20, weeksPerSeason: 52, population: { ...run.scenario.data.population, size: 200_000 } };
  const { scenario, hash } = fromParsed(Scenario.parse(data));
  const claim = run.seasons[0];
  return { ...run, team: 'Giant', scenario: { id: scenario.id, hash, data: scenario }, seasons: Array.from({ length: 20 }, () => structuredClone(claim)), final: undefined };
}

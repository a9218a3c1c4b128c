// Hostile class files, generated at test time (never checked in): key floods, error floods, duplicate keys far
// down a large object, brackets in text, lying and overlapping zips, formula cells. Each generator returns what
// a student could hand in; the tests in this folder time what it costs to refuse it.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { playToRun } from '../../src/run/replay';
import type { RunFile } from '../../src/run/runfile';
import { fromParsed } from '../../src/scenario/scenario';
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

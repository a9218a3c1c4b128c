// What one hostile file or zip costs `npm run leaderboard`, next to an honest file: a class of honest run files of
// the default scenario is ranked alone, with one more honest file, and with each hostile input in turn; each
// case is run a few times and its fastest wall time and its peak memory (maximum resident set) are printed.
// Run: npx tsx tests/hostile/measure.ts [--class N] [--repeat N]   (the figures in docs/competition.md §9)
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { strToU8, zipSync } from 'fflate';
import { findBot } from '../../src/bots/strategies';
import { MAX_NODES } from '../../src/scenario/load';
import { playToRun } from '../../src/run/replay';
import { crc32 } from '../../src/run/zip';
import { bubbleTea, ROOT } from '../sim/helpers';
import { deflateBomb, errorFlood, giantRun, keyFloodJson, keyFloodYaml, lateDuplicateJson, zipOf } from './generate';

const { values } = parseArgs({ options: { class: { type: 'string', default: '10' }, repeat: { type: 'string', default: '3' } } });
const CLASS = Number(values.class);
const REPEAT = Number(values.repeat);

const dir = mkdtempSync(join(tmpdir(), 'hostile-measure-'));
const { scenario, hash } = bubbleTea();
const bots = ['textbook', 'passive', 'spam', 'member-tiers', 'textbook', 'passive', 'spam', 'member-tiers'];
const run = (k: number) => {
  const bot = findBot(bots[k % bots.length])!;
  return playToRun(scenario, hash, 'class-1', `Team ${k}`, Array.from({ length: scenario.seasons }, (_, s) => bot.decide(scenario, s, []))).run;
};
const classDir = join(dir, 'class');
mkdirSync(classDir);
for (let k = 0; k < CLASS; k++) writeFileSync(join(classDir, `team-${String(k).padStart(2, '0')}.json`), JSON.stringify(run(k), null, 1));

/** A YAML file of long text under the key limit: the most a file can make the YAML parser read. */
function longYaml(): string {
  const n = MAX_NODES - 100;
  const value = 'x'.repeat(Math.floor((2 * 1024 * 1024 - 100) / n) - 12);
  return ['version: 1', 'extra:', ...Array.from({ length: n }, (_, k) => `  k${k}: ${value}`)].join('\n') + '\n';
}

const honestBytes = strToU8(JSON.stringify(run(CLASS), null, 1));
const bomb = deflateBomb(64 * 1024 * 1024);
const cases: [string, string, string | Uint8Array][] = [
  ['one more honest file', 'extra.json', honestBytes],
  ['key flood: 150,000 keys, 1.6 MB JSON', 'flood.json', keyFloodJson(150_000)],
  [`key flood just under the limit: ${MAX_NODES - 100} keys, YAML`, 'flood.json', keyFloodYaml(MAX_NODES - 100)],
  [`a key repeated after ${MAX_NODES - 100} keys`, 'dup.json', lateDuplicateJson(MAX_NODES - 100)],
  ['2 MB of long YAML text under the key limit', 'long.json', longYaml()],
  ['error flood: 2 MB of empty seasons', 'errors.json', errorFlood(2 * 1024 * 1024 - 10)],
  ['made-up 200,000-customer, 1,040-week market', 'giant.json', JSON.stringify(giantRun())],
  ['zip: an entry declared 100 bytes, inflating to 64 MiB', 'lying.zip', zipOf([{ name: 'bomb.json', packed: bomb, size: 100, crc: 0 }])],
  ['zip: 50 entries sharing one 64 MiB stream', 'overlap.zip', zipOf(Array.from({ length: 50 }, (_, k) => ({ name: `r${k}.json`, packed: bomb, size: 2_000_000, crc: 0 })), true)],
  ['zip at the limits: 32 files of 2 MB long YAML (64 MB unpacked)', 'full.zip', zipSync(Object.fromEntries(Array.from({ length: 32 }, (_, k) => [`f${k}.json`, strToU8(longYaml())])), { level: 6 })],
  ['zip: the honest file, stored', 'honest.zip', zipOf([{ name: 'extra.json', packed: honestBytes, size: honestBytes.length, crc: crc32(honestBytes), method: 0 }])],
];

function measure(extra?: [string, string | Uint8Array]): { seconds: number; mb: number } {
  const caseDir = join(dir, 'case');
  rmSync(caseDir, { recursive: true, force: true });
  cpSync(classDir, caseDir, { recursive: true });
  const args = [caseDir];
  if (extra) {
    const path = join(dir, extra[0]);
    writeFileSync(path, extra[1]);
    if (extra[0].endsWith('.zip')) args.push(path);
    else cpSync(path, join(caseDir, extra[0]));
  }
  let best = { seconds: Infinity, mb: 0 };
  for (let r = 0; r < REPEAT; r++) {
    const r = spawnSync('/usr/bin/time', ['-f', 'TIME %e %M', process.execPath, '--import', 'tsx', join(ROOT, 'src/cli/leaderboard.ts'), ...args], { cwd: ROOT, encoding: 'utf8', stdio: ['ignore', 'ignore', 'pipe'] });
    const m = /TIME ([\d.]+) (\d+)/.exec(r.stderr ?? '');
    if (!m) continue;
    const seconds = Number(m[1]);
    const mb = Number(m[2]) / 1024;
    if (seconds < best.seconds) best = { seconds, mb };
  }
  return best;
}

const base = measure();
console.log(`class of ${CLASS} honest files: ${base.seconds.toFixed(2)} s, ${base.mb.toFixed(0)} MB`);
for (const [label, name, data] of cases) {
  const m = measure([name, data]);
  console.log(`${label}: ${m.seconds.toFixed(2)} s (+${(m.seconds - base.seconds).toFixed(2)} s), ${m.mb.toFixed(0)} MB (+${(m.mb - base.mb).toFixed(0)} MB)`);
}
rmSync(dir, { recursive: true, force: true });

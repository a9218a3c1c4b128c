// A class's runs handed in as one zip: every file inside is judged like a file dropped on its own, files that
// cannot be run files are named with the reason, and zips that would unpack to too much are refused whole.
import { strToU8, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { rankChecked, rankRuns } from '../../src/run/leaderboard';
import { checkEntry, PopulationCache, type CheckedEntry } from '../../src/run/check';
import { playToRun } from '../../src/run/replay';
import { unzipRuns, ZIP_LIMITS, type Submission } from '../../src/run/zip';
import { fromParsed } from '../../src/scenario/scenario';
import { botSeasons, smallBubbleTea } from '../sim/helpers';

const { scenario, hash } = fromParsed(smallBubbleTea(200));
const runs = ['textbook', 'passive'].map((bot) => playToRun(scenario, hash, 'zip-seed', `Team ${bot}`, botSeasons(bot, scenario)).run);
const texts = runs.map((r) => JSON.stringify(r, null, 1));

function check(items: Submission[]): CheckedEntry[] {
  const cache = new PopulationCache();
  return items.map((x) => ('text' in x ? checkEntry(x, cache) : { name: x.name, ok: false, message: x.problem }));
}

describe('unzipRuns', () => {
  const zip = zipSync({
    'class/': {},
    'class/a.run.json': strToU8(texts[0]),
    'class/b.run.json': [strToU8(texts[1]), { level: 0 }],
    'class/broken.json': strToU8('{"format": "customer-seasons-run",'),
    'class/inner.zip': zipSync({ 'x.json': strToU8(texts[0]) }),
    '__MACOSX/class/._a.run.json': strToU8('resource fork'),
    'class/.DS_Store': strToU8('finder'),
  });

  it('treats every file inside as a submission, in the zip order, skipping folders and system metadata', () => {
    const r = unzipRuns(zip, 'class.zip');
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.items.map((x) => x.name)).toEqual(['class.zip/class/a.run.json', 'class.zip/class/b.run.json', 'class.zip/class/broken.json', 'class.zip/class/inner.zip']);
    expect(r.items[0]).toEqual({ name: 'class.zip/class/a.run.json', text: texts[0] });
    expect(r.items[1]).toEqual({ name: 'class.zip/class/b.run.json', text: texts[1] });
    expect((r.items[3] as { problem: string }).problem).toMatch(/zip inside the zip/);
  });

  it('ranks the runs inside exactly as the same files dropped one by one, and flags the bad entries by name', () => {
    const r = unzipRuns(zip, 'class.zip');
    if (!r.ok) throw new Error(r.message);
    const board = rankChecked(check(r.items));
    const plain = rankRuns(runs.map((run, k) => ({ name: `class.zip/class/${'ab'[k]}.run.json`, text: texts[k] })));
    expect(board.ranked.map((x) => [x.name, x.rank, x.final])).toEqual(plain.ranked.map((x) => [x.name, x.rank, x.final]));
    expect(board.flagged.map((x) => [x.name, x.status])).toEqual([
      ['class.zip/class/broken.json', 'malformed'],
      ['class.zip/class/inner.zip', 'malformed'],
    ]);
    expect(board.flagged[1].reason).toMatch(/unpack it/);
  });

  it('refuses a file that is not a zip, naming it', () => {
    const r = unzipRuns(strToU8(texts[0]), 'notes.zip');
    expect(r).toEqual({ ok: false, message: expect.stringMatching(/^notes\.zip: not a readable zip file/) });
  });

  it('refuses a zip that would unpack to more than the limit, before inflating anything', () => {
    const zeros = new Uint8Array(1_500_000);
    const bomb = zipSync({ 'a.json': zeros, 'b.json': zeros, 'c.json': zeros }, { level: 9 });
    expect(bomb.length).toBeLessThan(20_000);
    const r = unzipRuns(bomb, 'bomb.zip', { ...ZIP_LIMITS, totalBytes: 4_000_000 });
    expect(r).toEqual({ ok: false, message: expect.stringMatching(/^bomb\.zip: unpacks to 4\.3 MB, more than the limit of 3\.8 MB: refused \(a possible zip bomb\)/) });
    // Under a limit that fits, the same zip unpacks (each entry is then just not a run file).
    const ok = unzipRuns(bomb, 'bomb.zip', { ...ZIP_LIMITS, totalBytes: 5_000_000 });
    expect(ok.ok && ok.items.length).toBe(3);
  });

  it('flags an entry over the run-file size limit without unpacking it', () => {
    const big = zipSync({ 'huge.json': new Uint8Array(3 * 1024 * 1024), 'a.json': strToU8(texts[0]) });
    const r = unzipRuns(big, 'big.zip');
    if (!r.ok) throw new Error(r.message);
    expect(r.items[0]).toEqual({ name: 'big.zip/huge.json', problem: 'file too large: 3 MB unpacked, the limit of a run file is 2 MB' });
    expect('text' in r.items[1]).toBe(true);
  });

  it('refuses more entries than the limit', () => {
    const many = zipSync(Object.fromEntries(Array.from({ length: 12 }, (_, k) => [`r${k}.json`, strToU8('{}')])));
    expect(unzipRuns(many, 'many.zip', { ...ZIP_LIMITS, entries: 10 })).toEqual({ ok: false, message: expect.stringMatching(/^many\.zip: more than 10 entries: refused/) });
    expect(unzipRuns(many, 'many.zip', { ...ZIP_LIMITS, entries: 12 }).ok).toBe(true);
  });

  it('refuses a zip larger than the limit', () => {
    expect(unzipRuns(zip, 'class.zip', { ...ZIP_LIMITS, zipBytes: 100 })).toEqual({ ok: false, message: expect.stringMatching(/^class\.zip: the zip is/) });
  });

  it('never unpacks more than an entry declares, even when the header lies', () => {
    const honest = zipSync({ 'a.json': new Uint8Array(1_000_000).fill(32) }, { level: 9 });
    // Rewrite the declared uncompressed size in the central directory to 100 bytes.
    const lying = honest.slice();
    const view = new DataView(lying.buffer);
    let cd = -1;
    for (let i = lying.length - 22; i >= 0; i--) if (view.getUint32(i, true) === 0x02014b50) { cd = i; break; }
    expect(cd).toBeGreaterThan(0);
    view.setUint32(cd + 24, 100, true);
    const r = unzipRuns(lying, 'lying.zip');
    expect(r.ok && r.items).toEqual([{ name: 'lying.zip/a.json', problem: 'unpacks to more than the 100 bytes the zip declares: refused (a possible zip bomb)' }]);
  });
});

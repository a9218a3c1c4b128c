// Hostile zips: declared sizes that lie, entries sharing one bomb, damaged, encrypted, repeated, unnamed and
// GBK-named entries. A zip costs at most what it declares; a bad entry is flagged by itself and the rest judged.
import { strToU8, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { crc32, unzipRuns, type Submission } from '../../src/run/zip';
import { centralHeaders, deflateBomb, honestRun, replaceBytes, zipOf } from './generate';

const problems = (items: Submission[]) => items.map((x) => ('problem' in x ? [x.name, x.problem] : [x.name, 'text']));

describe('zips whose declared sizes lie', () => {
  const bomb = deflateBomb(64 * 1024 * 1024);

  it('an entry declared as 100 bytes that inflates to 64 MiB is stopped at once and flagged', () => {
    expect(bomb.length).toBeLessThan(500_000);
    const zip = zipOf([
      { name: 'bomb.json', packed: bomb, size: 100, crc: 0 },
      { name: 'honest.json', packed: strToU8(honestRun().text), size: strToU8(honestRun().text).length, crc: crc32(strToU8(honestRun().text)), method: 0 },
    ]);
    const t0 = performance.now();
    const r = unzipRuns(zip, 'class.zip');
    const ms = performance.now() - t0;
    if (!r.ok) throw new Error(r.message);
    expect(problems(r.items)).toEqual([
      ['class.zip/bomb.json', 'unpacks to more than the 100 bytes the zip declares: refused (a possible zip bomb)'],
      ['class.zip/honest.json', 'text'],
    ]);
    // Inflating the 64 MiB takes a few hundred milliseconds; stopping at 100 bytes, about nothing.
    expect(ms).toBeLessThan(60);
  });

  it('fifty entries sharing one compressed stream refuse the zip before anything is inflated', () => {
    const entries = Array.from({ length: 50 }, (_, k) => ({ name: `r${k}.json`, packed: bomb, size: 1_000_000, crc: 0 }));
    const t0 = performance.now();
    const r = unzipRuns(zipOf(entries, true), 'overlap.zip');
    expect(performance.now() - t0).toBeLessThan(60);
    expect(r).toEqual({ ok: false, message: 'overlap.zip: entries "r0.json" and "r1.json" share their data: refused (a crafted zip)' });
  });

  it('an entry that inflates to less than it declares, or whose CRC differs, is flagged as damaged', () => {
    const text = strToU8(honestRun().text);
    const packed = zipSync({ 'x.json': text });
    const [h] = centralHeaders(packed);
    const short = packed.slice();
    new DataView(short.buffer).setUint32(h + 24, text.length + 10, true);
    const r1 = unzipRuns(short, 'short.zip');
    expect(r1.ok && problems(r1.items)).toEqual([['short.zip/x.json', `damaged: it unpacks to ${text.length} bytes, the zip declares ${text.length + 10}`]]);
    const crc = packed.slice();
    new DataView(crc.buffer).setUint32(h + 16, 12345, true);
    const r2 = unzipRuns(crc, 'crc.zip');
    expect(r2.ok && problems(r2.items)).toEqual([['crc.zip/x.json', 'damaged: its checksum (CRC-32) does not match; pack it again']]);
  });
});

describe('bad entries are flagged one by one', () => {
  const text = honestRun().text;

  it('a damaged and an encrypted entry are flagged; the other files are judged', () => {
    const zip = zipSync({ 'a.json': strToU8(text), 'b.json': strToU8(text.replace('Honest team', 'Other team')), 'c.json': strToU8(text.replace('Honest team', 'Third team')) });
    const [, hb, hc] = centralHeaders(zip);
    const view = new DataView(zip.buffer);
    // b: its compressed data overwritten with garbage; c: marked encrypted.
    const localB = view.getUint32(hb + 42, true);
    const dataB = localB + 30 + view.getUint16(localB + 26, true) + view.getUint16(localB + 28, true);
    zip.fill(0xff, dataB, dataB + 40);
    view.setUint16(hc + 8, view.getUint16(hc + 8, true) | 1, true);
    const r = unzipRuns(zip, 'class.zip');
    if (!r.ok) throw new Error(r.message);
    expect(r.items[0]).toEqual({ name: 'class.zip/a.json', text });
    expect(problems(r.items).slice(1)).toEqual([
      ['class.zip/b.json', expect.stringMatching(/^damaged: /)],
      ['class.zip/c.json', 'encrypted: hand it in without a password'],
    ]);
  });

  it('a repeated name keeps the first file and flags the second; an unnamed entry is flagged', () => {
    const zip = replaceBytes(zipSync({ 'a.json': strToU8(text), 'b.json': strToU8('{"second": true}') }), strToU8('b.json'), strToU8('a.json'));
    const r = unzipRuns(zip, 'dup.zip');
    if (!r.ok) throw new Error(r.message);
    expect(problems(r.items)).toEqual([
      ['dup.zip/a.json', 'text'],
      ['dup.zip/a.json', 'a second file of the same name in the zip: only the first is judged; rename one and hand it in again'],
    ]);
    expect((r.items[0] as { text: string }).text).toBe(text);
    const unnamed = unzipRuns(zipSync({ '': strToU8(text), 'b.json': strToU8(text) }), 'u.zip');
    expect(unnamed.ok && problems(unnamed.items)).toEqual([
      ['u.zip/(entry 1 without a name)', 'an entry without a name: re-pack the zip'],
      ['u.zip/b.json', 'text'],
    ]);
  });

  it('GBK names (Chinese Windows) and UTF-8 names both read right', () => {
    const gbk = new Uint8Array([0xb5, 0xda, 0xc8, 0xfd, 0xd7, 0xe9]); // 第三组
    const zip = replaceBytes(zipSync({ 'xxxxxx.json': strToU8(text), '第四组.json': strToU8(text.replace('Honest team', 'Four')) }), strToU8('xxxxxx'), gbk);
    const r = unzipRuns(zip, 'class.zip');
    expect(r.ok && r.items.map((x) => x.name)).toEqual(['class.zip/第三组.json', 'class.zip/第四组.json']);
  });

  it('a zip with nothing to judge is listed as such', () => {
    const r = unzipRuns(zipSync({ '__MACOSX/': {}, 'folder/': {} }), 'empty.zip');
    expect(r).toEqual({ ok: true, items: [{ name: 'empty.zip', problem: 'the zip holds no files to judge' }] });
  });
});

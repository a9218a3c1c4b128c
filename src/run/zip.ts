import { Inflate } from 'fflate';
import { MAX_FILE_CHARS } from '../scenario/load';
import type { RunEntry } from './check';

// A class's run files handed in as one zip. Each file inside is treated like a file dropped on its own: it is
// named "class.zip/group3.json", and one that cannot be a run file is listed with the reason instead of its
// text, so it is flagged and never ranked. Pure (fflate's inflater only): the teacher's Web Worker and the CLI
// share it.
//
// The zip's own directory is read here, not trusted: before anything is inflated, the entries are counted, their
// declared sizes summed, and entries whose data would overlap (one compressed stream shared by many entries, a
// way to multiply a bomb) refuse the whole zip. Each entry is then inflated in small steps and stopped as soon as
// it passes the size it declares, so a lying header costs at most that size (plus one step); its CRC-32 is
// checked. A damaged, encrypted, oversized, unnamed or repeated entry is flagged by itself, and the rest are
// judged. Names are UTF-8 when the zip says so or when they decode as UTF-8; otherwise GBK (Chinese Windows).

export interface ZipLimits {
  /** The zip file itself, in bytes. */
  zipBytes: number;
  /** Entries of any kind (files, folders, metadata). */
  entries: number;
  /** Sum of the declared uncompressed sizes of the entries that would be unpacked. */
  totalBytes: number;
}

export const ZIP_LIMITS: ZipLimits = { zipBytes: 64 * 1024 * 1024, entries: 1000, totalBytes: 64 * 1024 * 1024 };

/** A file inside the zip that cannot be a run file: named, with the reason. */
export interface ZipProblem {
  name: string;
  problem: string;
}

/** One submission: a file's text, or why it has none. */
export type Submission = RunEntry | ZipProblem;

export type Unzipped = { ok: true; items: Submission[] } | { ok: false; message: string };

export function isZipName(name: string): boolean {
  return name.toLowerCase().endsWith('.zip');
}

const MB = (n: number) => `${Math.round((10 * n) / (1024 * 1024)) / 10} MB`;

/** Folders and the metadata macOS and Windows add to archives are not submissions. */
function skipped(name: string): boolean {
  const base = name.slice(name.lastIndexOf('/') + 1);
  return name.endsWith('/') || name.startsWith('__MACOSX/') || base.startsWith('._') || base === '.DS_Store' || base === 'Thumbs.db';
}

/** One entry of the zip's central directory. */
interface Entry {
  name: string;
  flags: number;
  method: number;
  crc: number;
  packed: number;
  size: number;
  /** Offset of the local header. */
  offset: number;
}

class Refused extends Error {}

const u16 = (b: Uint8Array, i: number) => b[i] | (b[i + 1] << 8);
const u32 = (b: Uint8Array, i: number) => (b[i] | (b[i + 1] << 8) | (b[i + 2] << 16) | (b[i + 3] << 24)) >>> 0;
/** A 64-bit little-endian size; anything past 2^53 is absurd here and read as Infinity. */
const u64 = (b: Uint8Array, i: number) => (u32(b, i + 4) >= 0x200000 ? Infinity : u32(b, i + 4) * 0x100000000 + u32(b, i));

const utf8 = new TextDecoder('utf-8', { fatal: true });
let gbk: TextDecoder | null | undefined;

/** An entry's name: UTF-8 when flagged or valid, else GBK (what Chinese Windows writes), else Latin-1. */
function decodeName(raw: Uint8Array, flags: number, extra: Uint8Array): string {
  // The Info-ZIP Unicode Path extra field (0x7075) carries the UTF-8 name beside a legacy one.
  for (let i = 0; i + 4 <= extra.length; ) {
    const id = u16(extra, i);
    const len = u16(extra, i + 2);
    if (id === 0x7075 && len > 5 && i + 4 + len <= extra.length && extra[i + 4] === 1) {
      try {
        return utf8.decode(extra.subarray(i + 9, i + 4 + len));
      } catch {
        break;
      }
    }
    i += 4 + len;
  }
  try {
    return utf8.decode(raw);
  } catch {
    if (flags & 0x800) return new TextDecoder('utf-8').decode(raw);
  }
  if (gbk === undefined) {
    try {
      gbk = new TextDecoder('gbk');
    } catch {
      gbk = null;
    }
  }
  return gbk ? gbk.decode(raw) : new TextDecoder('latin1').decode(raw);
}

/** The central directory, checked: every entry inside the zip, local header present, no two entries overlapping. */
function readDirectory(b: Uint8Array, limits: ZipLimits): Entry[] {
  let e = -1;
  for (let i = b.length - 22; i >= 0 && i >= b.length - 22 - 0xffff; i--) {
    if (u32(b, i) === 0x06054b50) {
      e = i;
      break;
    }
  }
  if (e < 0) throw new Error('no end of central directory');
  let count = u16(b, e + 10);
  let cdSize = u32(b, e + 12);
  let cdStart = u32(b, e + 16);
  if ((count === 0xffff || cdStart === 0xffffffff || cdSize === 0xffffffff) && e >= 20 && u32(b, e - 20) === 0x07064b50) {
    // ZIP64: the real counts and offsets are in the ZIP64 end record.
    const z = u64(b, e - 12);
    if (!(z + 56 <= b.length) || u32(b, z) !== 0x06064b50) throw new Error('damaged ZIP64 end record');
    count = u64(b, z + 32);
    cdSize = u64(b, z + 40);
    cdStart = u64(b, z + 48);
  }
  if (count > limits.entries) throw new Refused(`more than ${limits.entries} entries: refused (a possible zip bomb); unpack it and hand in the run files`);
  if (!(cdStart + cdSize <= b.length)) throw new Error('the central directory lies outside the file');
  const entries: Entry[] = [];
  let p = cdStart;
  for (let k = 0; k < count; k++) {
    if (p + 46 > b.length || u32(b, p) !== 0x02014b50) throw new Error(`entry ${k + 1} of the central directory is damaged`);
    const flags = u16(b, p + 8);
    const nameLen = u16(b, p + 28);
    const extraLen = u16(b, p + 30);
    const commentLen = u16(b, p + 32);
    let packed = u32(b, p + 20);
    let size = u32(b, p + 24);
    let offset = u32(b, p + 42);
    const extra = b.subarray(p + 46 + nameLen, p + 46 + nameLen + extraLen);
    if (packed === 0xffffffff || size === 0xffffffff || offset === 0xffffffff) {
      // ZIP64 extended information (0x0001): the fields that overflowed, in this order.
      for (let i = 0; i + 4 <= extra.length; ) {
        const id = u16(extra, i);
        const len = u16(extra, i + 2);
        if (id === 1) {
          let q = i + 4;
          if (size === 0xffffffff) (size = u64(extra, q)), (q += 8);
          if (packed === 0xffffffff) (packed = u64(extra, q)), (q += 8);
          if (offset === 0xffffffff) offset = u64(extra, q);
          break;
        }
        i += 4 + len;
      }
    }
    const name = decodeName(b.subarray(p + 46, p + 46 + nameLen), flags, extra);
    entries.push({ name, flags, method: u16(b, p + 10), crc: u32(b, p + 16), packed, size, offset });
    p += 46 + nameLen + extraLen + commentLen;
  }
  // Each entry's local header and data must lie before the directory and apart from every other entry's.
  const spans = entries.map((x, k) => {
    const h = x.offset;
    if (!(h + 30 <= cdStart) || u32(b, h) !== 0x04034b50) throw new Error(`the data of "${x.name}" is not where the directory says`);
    const start = h + 30 + u16(b, h + 26) + u16(b, h + 28);
    const end = start + x.packed;
    if (!(end <= cdStart)) throw new Error(`the data of "${x.name}" runs past the end of the file`);
    return { start: h, end, k };
  });
  spans.sort((x, y) => x.start - y.start);
  for (let k = 1; k < spans.length; k++) {
    if (spans[k].start < spans[k - 1].end) {
      throw new Refused(`entries "${entries[spans[k - 1].k].name}" and "${entries[spans[k].k].name}" share their data: refused (a crafted zip)`);
    }
  }
  return entries;
}

const CRC_TABLE = (() => {
  const t = new Int32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    t[n] = c;
  }
  return t;
})();

export function crc32(data: Uint8Array): number {
  let c = -1;
  for (let i = 0; i < data.length; i++) c = CRC_TABLE[(c ^ data[i]) & 0xff] ^ (c >>> 8);
  return (c ^ -1) >>> 0;
}

/**
 * An entry's bytes, inflated in steps small enough that one step can add little past the declared size (DEFLATE
 * expands at most about 1,032 times), and stopped as soon as the output passes it. A problem as text, or the bytes.
 */
function inflateEntry(b: Uint8Array, x: Entry): Uint8Array | string {
  const start = x.offset + 30 + u16(b, x.offset + 26) + u16(b, x.offset + 28);
  const packed = b.subarray(start, start + x.packed);
  let out: Uint8Array;
  if (x.method === 0) {
    if (x.packed !== x.size) return `damaged: stored ${x.packed} bytes, declared ${x.size}`;
    out = packed;
  } else {
    const chunks: Uint8Array[] = [];
    let produced = 0;
    let ended = false;
    const inflater = new Inflate((chunk, final) => {
      produced += chunk.length;
      if (produced <= x.size) chunks.push(chunk);
      if (final) ended = true;
    });
    try {
      let i = 0;
      while (i < packed.length && produced <= x.size) {
        const step = Math.min(65536, Math.max(64, Math.ceil((x.size - produced) / 1024)));
        const next = Math.min(packed.length, i + step);
        inflater.push(packed.subarray(i, next), next === packed.length);
        i = next;
      }
      if (i === 0) inflater.push(new Uint8Array(0), true);
    } catch (err) {
      return `damaged: it does not unpack (${(err as Error).message}); pack it again`;
    }
    if (produced > x.size) return `unpacks to more than the ${x.size} bytes the zip declares: refused (a possible zip bomb)`;
    if (!ended || produced !== x.size) return `damaged: it unpacks to ${produced} bytes, the zip declares ${x.size}`;
    out = new Uint8Array(produced);
    let at = 0;
    for (const c of chunks) {
      out.set(c, at);
      at += c.length;
    }
  }
  if (crc32(out) !== x.crc) return 'damaged: its checksum (CRC-32) does not match; pack it again';
  return out;
}

/** Unpacks a zip of run files; entries keep the zip's order. Never throws. */
export function unzipRuns(bytes: Uint8Array, zipName: string, limits: ZipLimits = ZIP_LIMITS): Unzipped {
  const refuse = (why: string): Unzipped => ({ ok: false, message: `${zipName}: ${why}` });
  if (bytes.length > limits.zipBytes) return refuse(`the zip is ${MB(bytes.length)}, the limit is ${MB(limits.zipBytes)}`);

  let entries: Entry[];
  try {
    entries = readDirectory(bytes, limits);
  } catch (err) {
    if (err instanceof Refused) return refuse(err.message);
    return refuse(`not a readable zip file (${(err as Error).message})`);
  }

  const items: Submission[] = [];
  const wanted: { item: RunEntry; entry: Entry }[] = [];
  const seen = new Set<string>();
  let total = 0;
  entries.forEach((x, k) => {
    if (x.name !== '' && skipped(x.name)) return;
    const name = `${zipName}/${x.name === '' ? `(entry ${k + 1} without a name)` : x.name}`;
    const problem = (p: string) => items.push({ name, problem: p });
    if (x.name === '') problem('an entry without a name: re-pack the zip');
    else if (seen.has(x.name)) problem('a second file of the same name in the zip: only the first is judged; rename one and hand it in again');
    else if (isZipName(x.name)) problem('a zip inside the zip is not opened; unpack it and add its files');
    else if (x.flags & 1) problem('encrypted: hand it in without a password');
    else if (x.method !== 0 && x.method !== 8) problem(`packed with an unsupported method (${x.method}); re-pack it as a plain zip`);
    else if (x.size > MAX_FILE_CHARS) problem(`file too large: ${MB(x.size)} unpacked, the limit of a run file is ${MB(MAX_FILE_CHARS)}`);
    else {
      total += x.size;
      const item = { name, text: '' };
      items.push(item);
      wanted.push({ item, entry: x });
    }
    seen.add(x.name);
  });
  if (total > limits.totalBytes) return refuse(`unpacks to ${MB(total)}, more than the limit of ${MB(limits.totalBytes)}: refused (a possible zip bomb)`);

  const decoder = new TextDecoder('utf-8');
  for (const { item, entry } of wanted) {
    const data = inflateEntry(bytes, entry);
    if (typeof data === 'string') {
      const k = items.indexOf(item);
      items[k] = { name: item.name, problem: data };
    } else item.text = decoder.decode(data);
  }
  // A zip with nothing in it to judge is listed itself, so the class's result says so.
  if (items.length === 0) items.push({ name: zipName, problem: 'the zip holds no files to judge' });
  return { ok: true, items };
}

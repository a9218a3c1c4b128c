import { unzipSync, type UnzipFileInfo } from 'fflate';
import { MAX_FILE_CHARS } from '../scenario/load';
import type { RunEntry } from './check';

// A class's run files handed in as one zip. Each file inside is treated like a file dropped on its own: it is
// named "class.zip/group3.json", and one that cannot be a run file is listed with the reason instead of its
// text, so it is flagged and never ranked. Pure (fflate only): the teacher's Web Worker and the CLI share it.
//
// Zip bombs: fflate inflates each entry into a buffer of exactly the size the zip declares and never grows it,
// so memory is bounded by the declared sizes. Those are summed (and the entries counted) before anything is
// inflated; a zip over either limit is refused as a whole.

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
  return name.endsWith('/') || name.startsWith('__MACOSX/') || base.startsWith('._') || base === '.DS_Store' || base === 'Thumbs.db' || base === '';
}

class TooMany extends Error {}

/** Unpacks a zip of run files; entries keep the zip's order. Never throws. */
export function unzipRuns(bytes: Uint8Array, zipName: string, limits: ZipLimits = ZIP_LIMITS): Unzipped {
  const refuse = (why: string): Unzipped => ({ ok: false, message: `${zipName}: ${why}` });
  if (bytes.length > limits.zipBytes) return refuse(`the zip is ${MB(bytes.length)}, the limit is ${MB(limits.zipBytes)}`);

  // First pass: read the directory only (the filter declines every entry, so nothing is inflated).
  const infos: UnzipFileInfo[] = [];
  try {
    unzipSync(bytes, {
      filter: (info) => {
        if (infos.length >= limits.entries) throw new TooMany();
        infos.push(info);
        return false;
      },
    });
  } catch (err) {
    if (err instanceof TooMany) return refuse(`more than ${limits.entries} entries: refused (a possible zip bomb); unpack it and hand in the run files`);
    return refuse(`not a readable zip file (${(err as Error).message})`);
  }

  const items: Submission[] = [];
  const wanted = new Set<string>();
  let total = 0;
  for (const info of infos) {
    const name = `${zipName}/${info.name}`;
    if (skipped(info.name)) continue;
    if (isZipName(info.name)) items.push({ name, problem: 'a zip inside the zip is not opened; unpack it and add its files' });
    else if (info.compression !== 0 && info.compression !== 8) items.push({ name, problem: `packed with an unsupported method (${info.compression}); re-pack it as a plain zip` });
    else if (info.originalSize > MAX_FILE_CHARS) items.push({ name, problem: `file too large: ${MB(info.originalSize)} unpacked, the limit of a run file is ${MB(MAX_FILE_CHARS)}` });
    else {
      total += info.originalSize;
      wanted.add(info.name);
      items.push({ name, text: '' });
    }
  }
  if (total > limits.totalBytes) return refuse(`unpacks to ${MB(total)}, more than the limit of ${MB(limits.totalBytes)}: refused (a possible zip bomb)`);

  let files: Record<string, Uint8Array>;
  try {
    files = unzipSync(bytes, { filter: (info) => wanted.has(info.name) });
  } catch (err) {
    return refuse(`the zip is damaged (${(err as Error).message})`);
  }
  const decoder = new TextDecoder('utf-8');
  for (const item of items) {
    if (!('text' in item)) continue;
    const data = files[item.name.slice(zipName.length + 1)];
    item.text = data ? decoder.decode(data) : '';
  }
  return { ok: true, items };
}

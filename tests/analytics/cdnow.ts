// Locates and reads the CDNOW reference data: the shared reference folder when present, else the copy the game ships
// (assets/cdnow, which the Analytics Lab offers as its sample).
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const repoRoot = resolve(here, '..', '..');
const shared = resolve(repoRoot, '..', 'shared', 'reference', 'cdnow');
const fixture = join(repoRoot, 'assets', 'cdnow');

export const CDNOW_DIR = existsSync(join(shared, 'CDNOW_sample.txt')) ? shared : fixture;
export const CDNOW_RAW = join(CDNOW_DIR, 'CDNOW_sample.txt');
export const CDNOW_SUMMARY = join(CDNOW_DIR, 'cdnow_customers_summary_with_transactions.csv');
export const CDNOW_CALIBRATION_END = '1997-09-30';

export interface RawRow {
  sampleId: string;
  date: string;
  cds: number;
  dollars: string;
}

export function readRaw(): RawRow[] {
  return readFileSync(CDNOW_RAW, 'utf8')
    .split(/\r?\n/)
    .filter((l) => l.trim() !== '')
    .map((l) => {
      const [, sampleId, date, cds, dollars] = l.trim().split(/\s+/);
      return { sampleId: String(Number(sampleId)), date, cds: Number(cds), dollars };
    });
}

export interface SummaryRow {
  id: string;
  x: string;
  t_x: string;
  T: string;
  zbar: string;
}

/** Rows as strings, exactly as written in the file. */
export function readSummary(): SummaryRow[] {
  const lines = readFileSync(CDNOW_SUMMARY, 'utf8').split(/\r?\n/).filter((l) => l.trim() !== '');
  return lines.slice(1).map((l) => {
    const [id, x, t_x, T, zbar] = l.split(',');
    return { id, x, t_x, T, zbar };
  });
}

export function summaryHistories(): { frequency: number; recency: number; T: number; monetary: number }[] {
  return readSummary().map((r) => ({ frequency: Number(r.x), recency: Number(r.t_x), T: Number(r.T), monetary: Number(r.zbar) }));
}

// Damaged saves: a corrupted, cut-short, older-version or partly invalid autosave is never dropped in silence.
// What is valid is recovered, the player is told what was not, and the save as it was is kept for download; a
// resumed run that would not verify is named on resume.
import { beforeEach, describe, expect, it } from 'vitest';
import { contentHash } from '../../src/scenario/canonical';
import { damagedSave, readSave, saveGame } from '../../src/store/autosave';
import { wouldNotVerify } from '../../src/store/actions';
import { honestRun } from './generate';

const store = new Map<string, string>();
(globalThis as { localStorage?: unknown }).localStorage = {
  getItem: (k: string) => store.get(k) ?? null,
  setItem: (k: string, v: string) => void store.set(k, String(v)),
  removeItem: (k: string) => void store.delete(k),
};
const KEY = 'customer-seasons/autosave/v1';

describe('reading a damaged autosave', () => {
  const run = honestRun().run;
  beforeEach(() => store.clear());

  it('a good save reads back whole, with no problems and nothing kept aside', () => {
    saveGame({ run, draft: run.seasons[0].decisions, phase: 'report' });
    const r = readSave();
    expect(r.problems).toEqual([]);
    expect(r.saved?.phase).toBe('report');
    expect(damagedSave()).toBeNull();
  });

  it('corrupted or cut-short text: nothing to resume, the player is told, the text is kept for download', () => {
    saveGame({ run, draft: run.seasons[0].decisions, phase: 'plan' });
    const text = store.get(KEY) as string;
    for (const broken of [text.slice(0, text.length / 2), `\u0000${text}`, 'garbage']) {
      store.clear();
      store.set(KEY, broken);
      const r = readSave();
      expect(r.saved).toBeNull();
      expect(r.problems[0]).toMatch(/^the save is damaged or cut short/);
      expect(damagedSave()?.text).toBe(broken);
    }
  });

  it('a run of another format version cannot be resumed, and is kept', () => {
    store.set(KEY, JSON.stringify({ run: { ...run, formatVersion: 2 }, draft: {}, phase: 'plan' }));
    const r = readSave();
    expect(r.saved).toBeNull();
    expect(r.problems[0]).toMatch(/^the saved game cannot be read \(formatVersion: /);
    expect(damagedSave()?.problems).toEqual(r.problems);
  });

  it('one bad value in the plan being edited resets its area only; the game is recovered', () => {
    const draft = structuredClone(run.seasons[1].decisions) as unknown as Record<string, Record<string, unknown>>;
    draft.pricing.discount = 7; // out of range
    store.set(KEY, JSON.stringify({ run, draft, phase: 'warp' }));
    const r = readSave();
    expect(r.saved?.run).toEqual(run);
    expect(r.saved?.phase).toBe('plan');
    expect(r.saved?.draft.pricing.discount).toBe(0);
    expect(r.saved?.draft.care).toEqual(run.seasons[1].decisions.care);
    expect(r.problems).toEqual([
      'the plan being edited had values that could not be read; pricing went back to the defaults',
      'the saved screen could not be read; the game opens at the plan',
    ]);
    expect(damagedSave()?.text).toBe(store.get(KEY));
  });

  it('names on resume what would keep the run from verifying', () => {
    const reports = run.seasons.map((s) => ({ hash: s.hash, score: { total: s.score.total } }));
    expect(wouldNotVerify(run, reports)).toEqual([]);
    expect(wouldNotVerify({ ...run, engineVersion: '1.0.0' }, reports)[0]).toMatch(/engine 1\.0\.0/);
    const edited = structuredClone(run);
    edited.scenario.data.budgetPerSeason += 1;
    expect(contentHash(edited.scenario.data)).not.toBe(run.scenario.hash);
    expect(wouldNotVerify(edited, reports)[0]).toMatch(/scenario was changed/);
    const claims = structuredClone(run);
    claims.seasons[2].score.total += 1;
    expect(wouldNotVerify(claims, reports)).toEqual(['season 3 does not replay to what the save claims, so it will not verify']);
  });
});

// Damaged saves: a corrupted, cut-short, older-version or partly invalid autosave is never dropped in silence.
// What is valid is recovered, the player is told what was not, and the save as it was is kept for download; a
// resumed run that would not verify is named on resume.
import { beforeEach, describe, expect, it } from 'vitest';
import { contentHash } from '../../src/scenario/canonical';
import { damagedSave, readSave, SAVE_PROBLEM_KEYS, saveGame, savePending } from '../../src/store/autosave';
import { en } from '../../src/ui/locales/en';
import { zhCN } from '../../src/ui/locales/zh-CN';
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
      expect(r.problems[0].key).toBe('save.cutShort');
      expect(damagedSave()?.text).toBe(broken);
    }
  });

  it('a run of another format version cannot be resumed, and is kept', () => {
    store.set(KEY, JSON.stringify({ run: { ...run, formatVersion: 2 }, draft: {}, phase: 'plan' }));
    const r = readSave();
    expect(r.saved).toBeNull();
    expect(r.problems[0]).toMatchObject({ key: 'save.unreadable', params: { detail: expect.stringMatching(/^formatVersion: /) } });
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
    expect(r.problems).toEqual([{ key: 'save.draftReset', params: { areas: 'pricing' } }, { key: 'save.phaseReset' }]);
    expect(damagedSave()?.text).toBe(store.get(KEY));
  });

  it('names on resume what would keep the run from verifying', () => {
    const reports = run.seasons.map((s) => ({ hash: s.hash, score: { total: s.score.total } }));
    expect(wouldNotVerify(run, reports)).toEqual([]);
    expect(wouldNotVerify({ ...run, engineVersion: '1.0.0' }, reports)).toEqual([{ key: 'save.otherEngine', params: { version: '1.0.0' } }]);
    const edited = structuredClone(run);
    edited.scenario.data.budgetPerSeason += 1;
    expect(contentHash(edited.scenario.data)).not.toBe(run.scenario.hash);
    expect(wouldNotVerify(edited, reports)).toEqual([{ key: 'save.scenarioEdited' }]);
    const claims = structuredClone(run);
    claims.seasons[2].score.total += 1;
    expect(wouldNotVerify(claims, reports)).toEqual([{ key: 'save.claimsDiffer', params: { n: 3 } }]);
  });

  it('every problem is said in both languages', () => {
    for (const key of SAVE_PROBLEM_KEYS) {
      expect(en[key]).toBeTruthy();
      expect(zhCN[key]).toBeTruthy();
    }
  });

  it('problems kept beside a damaged save by an older version are still shown, as they were written', () => {
    store.set('customer-seasons/autosave/damaged/v1', JSON.stringify({ savedAt: '', problems: ['old words'], text: 'x' }));
    expect(damagedSave()?.problems).toEqual([{ key: 'save.other', params: { detail: 'old words' } }]);
  });
});

describe('a number typed but not yet committed', () => {
  const run = honestRun().run;
  const next = run.seasons.length + 1;
  beforeEach(() => store.clear());

  it('is in the plan after a reload', () => {
    saveGame({ run, draft: run.seasons[0].decisions, phase: 'plan' });
    savePending({ season: next, path: 'pricing.discount', value: 0.07 });
    expect(readSave().saved?.draft.pricing.discount).toBe(0.07);
    savePending({ season: next, path: 'tiers.levels.0.service', value: 0.9 });
    expect(run.seasons[0].decisions.tiers.levels[0].service).not.toBe(0.9);
    expect(readSave().saved?.draft.tiers.levels[0].service).toBe(0.9);
  });

  it('is dropped once committed, for another season, or when the plan would not be valid with it', () => {
    saveGame({ run, draft: run.seasons[0].decisions, phase: 'plan' });
    const saved = run.seasons[0].decisions.pricing.discount;
    savePending({ season: next, path: 'pricing.discount', value: 0.07 });
    savePending(null);
    expect(readSave().saved?.draft.pricing.discount).toBe(saved);
    savePending({ season: next - 1, path: 'pricing.discount', value: 0.07 });
    expect(readSave().saved?.draft.pricing.discount).toBe(saved);
    savePending({ season: next, path: 'pricing.discount', value: 7 });
    expect(readSave().saved?.draft.pricing.discount).toBe(saved);
    savePending({ season: next, path: 'nowhere.at.all', value: 1 });
    expect(readSave().saved?.draft).toEqual(run.seasons[0].decisions);
    savePending({ season: next, path: '__proto__.polluted', value: 1 });
    expect(readSave().saved?.draft).toEqual(run.seasons[0].decisions);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});

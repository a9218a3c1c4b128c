// A page whose game is kept elsewhere (the class room) suspends the autosave: the self-study game saved in the
// browser is neither replaced nor cleared while it is suspended, and saving works again once it resumes.
import { beforeEach, describe, expect, it } from 'vitest';
import { clearSaved, readSave, saveGame, savePending, savePlayback, suspendAutosave } from '../../src/store/autosave';
import { honestRun } from '../hostile/generate';

const store = new Map<string, string>();
(globalThis as { localStorage?: unknown }).localStorage = {
  getItem: (k: string) => store.get(k) ?? null,
  setItem: (k: string, v: string) => void store.set(k, String(v)),
  removeItem: (k: string) => void store.delete(k),
};

describe('suspending the autosave', () => {
  const run = honestRun().run;
  beforeEach(() => {
    store.clear();
    suspendAutosave(false);
  });

  it('keeps the self-study save as it was while suspended, and saves again after', () => {
    saveGame({ run, draft: run.seasons[0].decisions, phase: 'report' });
    const before = new Map(store);
    suspendAutosave(true);
    saveGame({ run, draft: run.seasons[0].decisions, phase: 'plan' });
    savePending({ season: 1, path: 'acquisition.budget', value: 5 });
    savePlayback({ season: 1, hash: run.seasons[0].hash, week: 3, paused: true, speed: 1 });
    clearSaved();
    expect(store).toEqual(before);
    expect(readSave().saved?.phase).toBe('report');
    suspendAutosave(false);
    saveGame({ run, draft: run.seasons[0].decisions, phase: 'plan' });
    expect(readSave().saved?.phase).toBe('plan');
  });
});

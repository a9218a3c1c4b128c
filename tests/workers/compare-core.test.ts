// The browser's comparison of two run files: the comparison itself, a file that is not a run file with its
// located issues, and a refusal as data the page words in its own language.
import { describe, expect, it } from 'vitest';
import { compareRuns } from '../../src/run/compare';
import { playToRun } from '../../src/run/replay';
import { fromParsed } from '../../src/scenario/scenario';
import { compareTexts, COMPARE_LIST, COMPARE_STORIES } from '../../src/workers/compare-core';
import { botSeasons, smallBubbleTea } from '../sim/helpers';

const { scenario, hash } = fromParsed(smallBubbleTea(300));
const a = playToRun(scenario, hash, 'cc', 'A team', botSeasons('textbook', scenario)).run;
const b = playToRun(scenario, hash, 'cc', 'B team', botSeasons('spam', scenario)).run;
const file = (name: string, run: unknown) => ({ name, text: JSON.stringify(run, null, 1) });

describe('compareTexts', () => {
  it('compares two run files as compareRuns does, with the shared scenario', () => {
    const out = compareTexts(file('a.json', a), file('b.json', b));
    expect(out).toEqual({ ok: true, comparison: compareRuns(a, b, { top: COMPARE_STORIES, list: COMPARE_LIST }), scenario: a.scenario.data });
  });

  it('names the side and the located issue of a file that is not a run file', () => {
    const out = compareTexts(file('a.json', a), { name: 'b.json', text: '{\n "format": "customer-seasons-run",\n "team": 3\n}' });
    expect(out.ok).toBe(false);
    if (out.ok || out.kind !== 'unreadable') throw new Error('expected unreadable');
    expect(out.side).toBe('b');
    expect(out.issues[0]).toMatchObject({ file: 'b.json', line: expect.any(Number) });
  });

  it('refuses runs of different seeds with the seeds as data', () => {
    const other = playToRun(scenario, hash, 'other', 'C team', botSeasons('passive', scenario)).run;
    expect(compareTexts(file('a.json', a), file('c.json', other))).toEqual({ ok: false, kind: 'incomparable', why: { code: 'seed', a: 'cc', b: 'other' } });
  });
});

// Comparing two runs of one scenario and seed: season scores side by side, where the decisions first diverge and
// which fields, and the customers who stayed in one run and left in the other, each with the reason and history.
import { describe, expect, it } from 'vitest';
import { ENGINE_VERSION } from '../../src/sim/game';
import { compareRuns, formatComparison, type Comparison } from '../../src/run/compare';
import { extendRun, forkRun } from '../../src/run/fork';
import { playToRun, verifyRun } from '../../src/run/replay';
import { fromParsed } from '../../src/scenario/scenario';
import { CHURN_IDS } from '../../src/sim/types';
import { botSeasons, smallBubbleTea } from '../sim/helpers';

/** An engine version this build cannot verify: the next major. */
const FUTURE = `${Number(ENGINE_VERSION.split('.')[0]) + 1}.0.0`;

const { scenario, hash } = fromParsed(smallBubbleTea(500));
const textbook = playToRun(scenario, hash, 'cmp', 'team-t', botSeasons('textbook', scenario)).run;
const spam = playToRun(scenario, hash, 'cmp', 'team-s', botSeasons('spam', scenario)).run;
const result = compareRuns(textbook, spam, { top: 3, list: 1000 });
const c = result as Comparison;

describe('two strategies on one seed', () => {
  it('compares, with re-simulated season scores equal to the verified claims', () => {
    expect(result.ok).toBe(true);
    expect(c.scenario).toEqual({ id: scenario.id, hash });
    expect(c.seed).toBe('cmp');
    expect(c.a).toMatchObject({ team: 'team-t', seasons: 4, claims: { match: true } });
    expect(c.b).toMatchObject({ team: 'team-s', seasons: 4, claims: { match: true } });
    expect(c.a.final).toEqual(textbook.final?.score);
    expect(c.b.final).toEqual(spam.final?.score);
    expect(c.seasons.map((s) => s.a)).toEqual(textbook.seasons.map((s) => s.score));
    expect(c.seasons.map((s) => s.b)).toEqual(spam.seasons.map((s) => s.score));
    for (const s of c.seasons) expect(s.delta).toBeCloseTo((s.b?.total ?? 0) - (s.a?.total ?? 0), 6);
  });

  it('finds the first season the decisions diverge in and the fields by dotted path', () => {
    expect(c.divergence?.season).toBe(1);
    const contacts = c.divergence?.fields.find((f) => f.path === 'care.contactsPerMonth');
    expect(contacts).toEqual({ path: 'care.contactsPerMonth', a: textbook.seasons[0].decisions.care.contactsPerMonth, b: spam.seasons[0].decisions.care.contactsPerMonth });
    // Fields that agree are not listed.
    expect(c.divergence?.fields.some((f) => f.path === 'featured')).toBe(false);
    expect(c.decisionDiffs.map((d) => d.season)).toEqual([1, 2, 3, 4]);
  });

  it('lists customers who stayed in one run and left in the other, each with a churn reason', () => {
    const list = c.customers.list;
    expect(list.length).toBeGreaterThan(0);
    expect(list.length).toBe(c.customers.keptByAOnly + c.customers.keptByBOnly);
    expect(c.seasons[3].keptByAOnly).toBe(c.customers.keptByAOnly);
    expect(c.seasons[3].keptByBOnly).toBe(c.customers.keptByBOnly);
    for (const d of list) {
      expect(CHURN_IDS.slice(1)).toContain(d.reason);
      expect(['a', 'b']).toContain(d.stayedIn);
      expect(d.churnWeek).toBeGreaterThanOrEqual(0);
    }
    // Biggest spenders first.
    const spend = list.map((d) => Math.max(d.spendA, d.spendB));
    expect(spend).toEqual([...spend].sort((x, y) => y - x));
    // Counted by reason consistently with the list.
    const leftInB = list.filter((d) => d.stayedIn === 'a');
    expect(Object.values(c.customers.differingByReason.leftInB).reduce((x, y) => x + y, 0)).toBe(leftInB.length);
    // Pestering customers drives them away of their own accord.
    expect(c.customers.churnByReason.b.own).toBeGreaterThan(c.customers.churnByReason.a.own);
  });

  it('tells the biggest spenders in full: where the histories part, what pushed them away, the churn event', () => {
    expect(c.customers.stories).toHaveLength(3);
    for (const s of c.customers.stories) {
      expect(s.firstDifference).not.toBeNull();
      const churn = s.historyLeft.find((e) => e.kind === 'churn');
      expect(churn?.value).toBe(s.reason);
      expect(churn?.week).toBe(s.churnWeek);
      // (The staying run may have lost them too and won them back: only the end state is compared.)
      expect(s.pushedAway.every((p) => p.satisfaction < 0 && p.events > 0)).toBe(true);
    }
    expect(c.customers.stories.map((s) => s.id)).toEqual(c.customers.list.slice(0, 3).map((d) => d.id));
  });

  it('prints a readable comparison', () => {
    const text = formatComparison(c);
    expect(text).toContain('Decisions first diverge in season 1:');
    expect(text).toContain('care.contactsPerMonth');
    expect(text).toMatch(/stayed in A but left in B/);
    expect(text).toMatch(/Customer #\d+ \(\w+\): left in [AB] in week \d+/);
  });
});

describe('a fork against its parent', () => {
  const other = extendRun(forkRun(textbook, 2, 'team-t what-if'), botSeasons('passive', scenario).slice(2));
  const f = compareRuns(textbook, other) as Comparison;

  it('diverges where the fork went its own way, with nobody different before', () => {
    expect(f.ok).toBe(true);
    expect(f.divergence?.season).toBe(3);
    expect(f.seasons.slice(0, 2).map((s) => [s.delta, s.keptByAOnly, s.keptByBOnly])).toEqual([
      [0, 0, 0],
      [0, 0, 0],
    ]);
    expect(f.seasons[3].delta).not.toBe(0);
  });

  it('finds nothing between a run and itself', () => {
    const same = compareRuns(textbook, structuredClone(textbook)) as Comparison;
    expect(same.divergence).toBeNull();
    expect(same.decisionDiffs).toEqual([]);
    expect(same.customers.list).toEqual([]);
    expect(formatComparison(same)).toContain('identical in every season');
  });
});

describe('refusals and warnings', () => {
  it('refuses runs of different seeds or scenarios, saying why', () => {
    const otherSeed = playToRun(scenario, hash, 'cmp-2', 'team-x', botSeasons('passive', scenario)).run;
    const r = compareRuns(textbook, otherSeed);
    expect(r).toEqual({ ok: false, reason: expect.stringMatching(/^different seeds \("cmp" and "cmp-2"\)/), why: { code: 'seed', a: 'cmp', b: 'cmp-2' } });
    const small = fromParsed(smallBubbleTea(200));
    const otherScenario = playToRun(small.scenario, small.hash, 'cmp', 'team-y', botSeasons('passive', small.scenario)).run;
    expect(compareRuns(textbook, otherScenario)).toEqual({
      ok: false,
      reason: expect.stringMatching(/^different scenarios/),
      why: { code: 'scenario', a: { id: scenario.id, hash }, b: { id: small.scenario.id, hash: small.hash } },
    });
    expect(formatComparison(r)).toMatch(/^cannot compare: different seeds/);
  });

  it('refuses an edited embedded scenario and an incompatible engine', () => {
    const edited = structuredClone(spam);
    edited.scenario.data.budgetPerSeason = 1e6;
    expect(compareRuns(textbook, edited)).toEqual({ ok: false, reason: 'run B: embedded scenario does not match its hash (edited after the run)', why: { code: 'edited', side: 'B' } });
    expect(compareRuns({ ...structuredClone(textbook), engineVersion: FUTURE }, spam)).toMatchObject({ ok: false, reason: expect.stringContaining(`run A: engine version ${FUTURE}`), why: { code: 'engine', side: 'A', version: FUTURE } });
  });

  it('compares re-simulated figures of a run whose claims are wrong, and says so', () => {
    const lying = structuredClone(spam);
    lying.seasons[1].score.total += 10;
    const r = compareRuns(textbook, lying) as Comparison;
    expect(r.b.claims).toEqual({ match: false, season: 2, reason: expect.stringMatching(/^total score/) });
    expect(r.seasons[1].b).toEqual(spam.seasons[1].score);
    expect(formatComparison(r)).toContain('warning: run B does not verify (season 2');
  });

  it('checks every claimed part of a season, as verifyRun does (one verifier)', () => {
    const lying = structuredClone(spam);
    lying.seasons[2].score.loyalty += 1;
    const r = compareRuns(textbook, lying) as Comparison;
    expect(r.b.claims).toEqual({ match: false, season: 3, reason: expect.stringMatching(/^loyalty score/) });
    expect(verifyRun(lying)).toEqual({ valid: false, season: 3, reason: (r.b.claims as { reason: string }).reason });
  });
});

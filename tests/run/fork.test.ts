// What-if forks: a fork keeps the parent's first seasons and records where it came from, verifies like any run,
// and once continued with other decisions is a finished, verifiable run of its own.
import { describe, expect, it } from 'vitest';
import { extendRun, forkRun } from '../../src/run/fork';
import { decisionsHash, playToRun, verifyRun } from '../../src/run/replay';
import { RunFile } from '../../src/run/runfile';
import { fromParsed } from '../../src/scenario/scenario';
import { botSeasons, decisions, smallBubbleTea } from '../sim/helpers';

const { scenario, hash } = fromParsed(smallBubbleTea(300));
const parent = playToRun(scenario, hash, 'fork-seed', 'team-a', botSeasons('textbook', scenario)).run;
const untouched = structuredClone(parent);

describe('forkRun', () => {
  it('keeps the first seasons, drops the final score and records the parent', () => {
    const fork = forkRun(parent, 2, 'team-a what-if');
    expect(fork.seasons).toEqual(parent.seasons.slice(0, 2));
    expect(fork.final).toBeUndefined();
    expect(fork.team).toBe('team-a what-if');
    expect(fork.seed).toBe(parent.seed);
    expect(fork.scenario).toEqual(parent.scenario);
    expect(fork.parent).toEqual({ team: 'team-a', decisionsHash: decisionsHash(parent), season: 2 });
    expect(RunFile.safeParse(fork).success).toBe(true);
    expect(verifyRun(fork)).toEqual({ valid: true, seasons: 2, final: null });
    expect(parent).toEqual(untouched);
  });

  it("defaults to the parent's team and accepts every season from 0 to the last", () => {
    expect(forkRun(parent, 0).team).toBe('team-a');
    expect(forkRun(parent, 0).seasons).toEqual([]);
    expect(verifyRun(forkRun(parent, 0))).toEqual({ valid: true, seasons: 0, final: null });
    expect(verifyRun(forkRun(parent, 4))).toMatchObject({ valid: true, seasons: 4 });
  });

  it('refuses a season the parent has not played', () => {
    expect(() => forkRun(parent, 5)).toThrow(RangeError);
    expect(() => forkRun(parent, -1)).toThrow(/from 0 to 4, found -1/);
    expect(() => forkRun(parent, 1.5)).toThrow(RangeError);
  });

  it('the fork is independent of the parent object', () => {
    const fork = forkRun(parent, 2);
    fork.seasons[0].decisions.pricing.discount = 0.3;
    fork.scenario.data.seasons = 9;
    expect(parent).toEqual(untouched);
  });
});

describe('a fork continued with other decisions', () => {
  const passive = botSeasons('passive', scenario);
  const fork = forkRun(parent, 2, 'team-a what-if');
  const continued = extendRun(fork, passive.slice(2));

  it('verifies as a finished run that keeps its parent', () => {
    const v = verifyRun(RunFile.parse(JSON.parse(JSON.stringify(continued))));
    expect(v).toMatchObject({ valid: true, seasons: 4 });
    expect(continued.final).toBeDefined();
    if (v.valid) expect(v.final).toEqual(continued.final?.score);
    expect(continued.parent).toEqual(fork.parent);
    expect(continued.seasons.slice(0, 2)).toEqual(parent.seasons.slice(0, 2));
  });

  it('plays seasons 3 and 4 exactly as a straight game with the same decisions would', () => {
    const straight = playToRun(scenario, hash, 'fork-seed', 'x', [...parent.seasons.slice(0, 2).map((s) => s.decisions), ...passive.slice(2)]).run;
    expect(continued.seasons.map((s) => s.hash)).toEqual(straight.seasons.map((s) => s.hash));
    expect(continued.final).toEqual(straight.final);
    expect(continued.seasons[2].hash).not.toBe(parent.seasons[2].hash);
  });

  it('can be played one season at a time', () => {
    const one = extendRun(extendRun(fork, passive.slice(2, 3)), passive.slice(3));
    expect(one).toEqual(continued);
    expect(extendRun(fork, passive.slice(2, 3)).final).toBeUndefined();
  });

  it('refuses a plan the rules do not allow, naming the season, and more seasons than the scenario has', () => {
    expect(() => extendRun(fork, [decisions({ acquisition: { budget: scenario.budgetPerSeason + 1 } })])).toThrow(/^season 3: planned spending/);
    expect(() => extendRun(fork, passive)).toThrow(/6 seasons, the scenario has 4/);
  });
});

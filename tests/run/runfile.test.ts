// Run files: what playToRun writes, verifyRun accepts; every kind of tampering is caught and named with its
// season and reason; a saved game continues exactly; and the file survives a JSON round trip.
import { describe, expect, it } from 'vitest';
import { decisionsHash, playToRun, replay, verifyRun } from '../../src/run/replay';
import { engineCompatible, RunFile } from '../../src/run/runfile';
import { fromParsed } from '../../src/scenario/scenario';
import { ENGINE_VERSION } from '../../src/sim/game';
import { botSeasons, decisions, smallBubbleTea, playStep } from '../sim/helpers';

const { scenario, hash } = fromParsed(smallBubbleTea(400));
const seasons = botSeasons('textbook', scenario);
const played = playToRun(scenario, hash, 'run-1', 'team-a', seasons);
const run = played.run;

/** A deep, mutable copy of the run. */
const copy = (r: RunFile = run): RunFile => structuredClone(r);

describe('playToRun', () => {
  it('claims exactly what happened, season by season', () => {
    expect(run.format).toBe('customer-seasons-run');
    expect(run.engineVersion).toBe(ENGINE_VERSION);
    expect(run.seed).toBe('run-1');
    expect(run.team).toBe('team-a');
    expect(run.scenario).toMatchObject({ id: scenario.id, hash });
    expect(run.seasons.map((s) => s.hash)).toEqual(played.replayed.reports.map((r) => r.hash));
    expect(run.seasons.map((s) => s.score)).toEqual(played.replayed.reports.map((r) => r.score));
    expect(run.final).toEqual({ score: played.replayed.final });
    expect(RunFile.safeParse(run).success).toBe(true);
  });

  it('refuses a plan the rules do not allow, naming the season', () => {
    const bad = [...seasons.slice(0, 1), decisions({ acquisition: { budget: scenario.budgetPerSeason + 1 } })];
    expect(() => playToRun(scenario, hash, 's', 't', bad)).toThrow(/^season 2: planned spending \d+(\.\d+)? exceeds the season budget 9000$/);
  });

  it('writes no final score for an unfinished game', () => {
    const partial = playToRun(scenario, hash, 'run-1', 'team-a', seasons.slice(0, 2)).run;
    expect(partial.final).toBeUndefined();
    expect(verifyRun(partial)).toEqual({ valid: true, seasons: 2, final: null });
  });
});

describe('verifyRun', () => {
  it('accepts the honest run and recomputes the final score', () => {
    expect(verifyRun(run)).toEqual({ valid: true, seasons: scenario.seasons, final: played.replayed.final });
  });

  it('accepts a run from a newer minor or patch engine, refuses another major version', () => {
    const major = Number(ENGINE_VERSION.split('.')[0]);
    expect(verifyRun({ ...copy(), engineVersion: `${major}.9.3` }).valid).toBe(true);
    expect(engineCompatible(`${major + 1}.0.0`)).toBe(false);
    expect(verifyRun({ ...copy(), engineVersion: `${major + 1}.0.0` })).toEqual({
      valid: false,
      season: null,
      reason: `engine version ${major + 1}.0.0 is incompatible with this engine`,
    });
    expect(verifyRun({ ...copy(), engineVersion: `${major - 1}.9.0` })).toMatchObject({ valid: false, season: null });
  });

  it('catches a changed decision in the season it changes', () => {
    const r = copy();
    r.seasons[1].decisions.pricing.discount = 0.05;
    const v = verifyRun(r);
    expect(v).toMatchObject({ valid: false, season: 2 });
    if (!v.valid) expect(v.reason).toMatch(/^state hash [0-9a-f]{8} differs from the claimed [0-9a-f]{8}$/);
  });

  it('catches a changed care decision deep inside a later season', () => {
    const r = copy();
    r.seasons[3].decisions.care.contactsPerMonth = 4;
    expect(verifyRun(r)).toMatchObject({ valid: false, season: 4 });
  });

  it('catches a claimed hash that is not what the season produced', () => {
    const r = copy();
    const real = r.seasons[2].hash;
    r.seasons[2].hash = real === '00000000' ? '00000001' : '00000000';
    expect(verifyRun(r)).toEqual({
      valid: false,
      season: 3,
      reason: `state hash ${real} differs from the claimed ${r.seasons[2].hash}`,
    });
  });

  it('catches a claimed score, naming the part', () => {
    const r = copy();
    const real = r.seasons[0].score.loyalty;
    r.seasons[0].score.loyalty = real + 0.01;
    expect(verifyRun(r)).toEqual({
      valid: false,
      season: 1,
      reason: `loyalty score ${real} differs from the claimed ${real + 0.01}`,
    });
    const t = copy();
    t.seasons[3].score.total += 5;
    expect(verifyRun(t)).toMatchObject({ valid: false, season: 4, reason: expect.stringMatching(/^total score /) });
  });

  it('catches a scenario edited after the run', () => {
    const r = copy();
    r.scenario.data.budgetPerSeason = 99999;
    expect(verifyRun(r)).toEqual({
      valid: false,
      season: null,
      reason: 'embedded scenario does not match its hash (edited after the run)',
    });
    const e = copy();
    e.scenario.data.segments[0].purchase.r = 3;
    expect(verifyRun(e)).toMatchObject({ valid: false, season: null });
    const idOnly = copy();
    idOnly.scenario.id = 'other-shop';
    expect(verifyRun(idOnly)).toMatchObject({ valid: false, season: null, reason: 'scenario id does not match the embedded scenario' });
  });

  it('catches more seasons than the scenario has', () => {
    const r = copy();
    r.seasons.push(structuredClone(r.seasons[3]));
    expect(verifyRun(r)).toEqual({ valid: false, season: null, reason: '5 seasons claimed, the scenario has 4' });
  });

  it('catches a claimed final score, and a final score claimed too early', () => {
    const r = copy();
    r.final!.score.total += 0.01;
    const v = verifyRun(r);
    expect(v).toMatchObject({ valid: false, season: null });
    if (!v.valid) expect(v.reason).toMatch(/^final total score -?[\d.]+ differs from the claimed -?[\d.]+$/);
    const early = copy();
    early.seasons = early.seasons.slice(0, 3);
    expect(verifyRun(early)).toEqual({ valid: false, season: null, reason: 'final score claimed before the last season' });
  });

  it('catches a changed seed in season 1', () => {
    expect(verifyRun({ ...copy(), seed: 'run-2' })).toMatchObject({ valid: false, season: 1 });
  });

  it('refuses decisions the rules forbid even when the claims match them', () => {
    // Over budget: the claims are for the honest plan, but the plan check comes first.
    const r = copy();
    r.seasons[1].decisions.staff.training = 1e6;
    expect(verifyRun(r)).toMatchObject({
      valid: false,
      season: 2,
      reason: expect.stringMatching(/^decisions not allowed: planned spending [\d.]+ exceeds the season budget 9000$/),
    });
    const f = copy();
    f.seasons[0].decisions.featured = [{ customer: 3, choices: [1, 0, 2, 1, 0] }];
    expect(verifyRun(f)).toMatchObject({ valid: false, season: 1, reason: expect.stringContaining('customer 3') });
  });
});

describe('save, load and continue', () => {
  it('replaying two seasons and stepping on gives the hashes of playing straight through', () => {
    const saved = replay(scenario, run.seed, run.seasons.map((s) => s.decisions), 2);
    expect(saved.reports.map((r) => r.hash)).toEqual(run.seasons.slice(0, 2).map((s) => s.hash));
    expect(saved.state.season).toBe(2);
    const rest = run.seasons.slice(2).map((s) => playStep(saved.state, s.decisions));
    expect(rest.map((r) => r.hash)).toEqual(run.seasons.slice(2).map((s) => s.hash));
    expect(rest.map((r) => r.score)).toEqual(run.seasons.slice(2).map((s) => s.score));
  });

  it('replay of the whole run reproduces the final score', () => {
    expect(replay(scenario, run.seed, run.seasons.map((s) => s.decisions)).final).toEqual(run.final!.score);
  });
});

describe('the run file as JSON', () => {
  it('still verifies after stringify → parse → RunFile.parse, compact or pretty', () => {
    for (const text of [JSON.stringify(run), JSON.stringify(run, null, 1)]) {
      const back = RunFile.parse(JSON.parse(text));
      expect(back).toEqual(run);
      expect(verifyRun(back)).toEqual(verifyRun(run));
    }
  });

  it('identifies the decision log independently of key order, and changes with any decision', () => {
    const reverseKeys = (v: unknown): unknown =>
      Array.isArray(v)
        ? v.map(reverseKeys)
        : v && typeof v === 'object'
          ? Object.fromEntries(Object.entries(v).reverse().map(([k, x]) => [k, reverseKeys(x)]))
          : v;
    const reordered = reverseKeys(copy()) as RunFile;
    expect(Object.keys(reordered.seasons[0].decisions)[0]).not.toBe(Object.keys(run.seasons[0].decisions)[0]);
    expect(decisionsHash(reordered)).toBe(decisionsHash(run));
    expect(verifyRun(RunFile.parse(reordered)).valid).toBe(true);
    const r = copy();
    r.seasons[0].decisions.survey.sample = 99;
    expect(decisionsHash(r)).not.toBe(decisionsHash(run));
    expect(decisionsHash(run)).toMatch(/^[0-9a-f]{64}$/);
  });

  it('rejects malformed claims at the schema', () => {
    expect(RunFile.safeParse({ ...copy(), seasons: [{ ...copy().seasons[0], hash: 'XYZ' }] }).success).toBe(false);
    expect(RunFile.safeParse({ ...copy(), seed: '' }).success).toBe(false);
    expect(RunFile.safeParse({ ...copy(), format: 'something-else' }).success).toBe(false);
    expect(RunFile.safeParse({ ...copy(), extra: 1 }).success).toBe(false);
  });
});

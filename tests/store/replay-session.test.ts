// The replay viewer's simulation: a run is verified before it opens, and customer files at any season and week
// are those of the run replayed to that point, whichever order the points are asked for in.
import { describe, expect, it } from 'vitest';
import { playToRun, replay } from '../../src/run/replay';
import { profileAtWeek } from '../../src/run/profile-at';
import { fromParsed } from '../../src/scenario/scenario';
import { customerProfile } from '../../src/sim/profile';
import { createLocalHost } from '../../src/host/local-host';
import { createReplaySession } from '../../src/store/replay-session';
import { botSeasons, smallBubbleTea } from '../sim/helpers';

const { scenario, hash } = fromParsed(smallBubbleTea(300));
const decisions = botSeasons('textbook', scenario);
const { run, replayed } = playToRun(scenario, hash, 'study', 'Team S', decisions);
const W = scenario.weeksPerSeason;

describe('replay session', () => {
  it('opens a run that verifies, with the season reports of the run', async () => {
    const s = createReplaySession(createLocalHost());
    const opened = await s.open(run);
    expect(opened.ok).toBe(true);
    if (!opened.ok) return;
    expect(opened.reports.map((r) => r.hash)).toEqual(run.seasons.map((x) => x.hash));
    expect(opened.reports.map((r) => r.weekly.length)).toEqual(replayed.reports.map(() => W));
  });

  it('refuses a tampered run with the season and reason of verification', async () => {
    const s = createReplaySession(createLocalHost());
    const bad = structuredClone(run);
    bad.seasons[2].score.total += 1;
    const opened = await s.open(bad);
    expect(opened).toEqual({ ok: false, verdict: { valid: false, season: 3, reason: expect.stringMatching(/^total score/) } });
    await expect(s.customersAt(1, 0, [1])).rejects.toThrow('no run opened');
  });

  it('gives the files of the run replayed to each point, back and forth', async () => {
    const s = createReplaySession(createLocalHost());
    await s.open(run);
    const ids = [0, 5, 17, 120];
    for (const season of [2, 1, 4, 3, 1]) {
      const state = replay(scenario, run.seed, decisions, season).state;
      const end = season * W - 1;
      expect(await s.customersAt(season, end, ids)).toEqual(ids.map((id) => customerProfile(state, id)));
      const mid = (season - 1) * W + 4;
      expect(await s.customersAt(season, mid, ids)).toEqual(ids.map((id) => profileAtWeek(customerProfile(state, id)!, mid)));
    }
    const stories = await s.customersAt(2, 2 * W - 1, null);
    expect(stories?.length).toBeGreaterThan(0);
  });

  it('skips a request that is no longer wanted', async () => {
    const s = createReplaySession(createLocalHost());
    await s.open(run);
    expect(await s.customersAt(2, 20, [1], () => false)).toBeNull();
  });
});

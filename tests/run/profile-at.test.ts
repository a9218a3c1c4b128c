// A customer's file rewound to the end of an earlier week equals, in every logged figure, the file as it was
// when the game had been played to that week.
import { describe, expect, it } from 'vitest';
import { profileAtWeek } from '../../src/run/profile-at';
import { replay } from '../../src/run/replay';
import { fromParsed } from '../../src/scenario/scenario';
import { customerProfile, type CustomerProfile } from '../../src/sim/profile';
import { botSeasons, smallBubbleTea } from '../sim/helpers';

const { scenario } = fromParsed(smallBubbleTea(400));
const decisions = botSeasons('textbook', scenario);
const one = replay(scenario, 'rewind', decisions, 1).state;
const two = replay(scenario, 'rewind', decisions, 2).state;
const lastWeekOfSeason1 = scenario.weeksPerSeason - 1;

const logged = (p: CustomerProfile) => ({
  stage: p.stage,
  tier: p.tier,
  purchases: p.purchases,
  spendTotal: p.spendTotal,
  complaints: p.complaints,
  churnReason: p.churnReason,
  churnWeek: p.churnWeek,
  history: p.history,
});

describe('profileAtWeek', () => {
  it('rewinds the file after season 2 to the end of season 1 exactly, for every customer', () => {
    let changed = 0;
    for (let id = 0; id < two.n; id++) {
      const later = customerProfile(two, id)!;
      const earlier = customerProfile(one, id)!;
      const rewound = profileAtWeek(later, lastWeekOfSeason1);
      if (later.history.length !== earlier.history.length) changed++;
      expect(logged(rewound), `customer ${id}`).toEqual({ ...logged(earlier), spendTotal: expect.closeTo(earlier.spendTotal, 1) });
    }
    // The check means something only if many customers changed in season 2.
    expect(changed).toBeGreaterThan(50);
  });

  it('keeps the mood of a customer whose satisfaction changed little, and follows a logged change', () => {
    let same = 0;
    let compared = 0;
    for (let id = 0; id < two.n; id++) {
      const earlier = customerProfile(one, id)!;
      if (earlier.stage === 'prospect') continue;
      compared++;
      if (profileAtWeek(customerProfile(two, id)!, lastWeekOfSeason1).mood === earlier.mood) same++;
    }
    // Unlogged small changes may move a customer across a mood boundary now and then, rarely.
    expect(same / compared).toBeGreaterThan(0.9);
  });

  it('shows only the history up to the week, and changes nothing for a week after the last event', () => {
    const busy = Array.from({ length: two.n }, (_, id) => customerProfile(two, id)!).sort((a, b) => b.history.length - a.history.length)[0];
    const mid = busy.history[Math.floor(busy.history.length / 2)].week;
    const at = profileAtWeek(busy, mid);
    expect(at.history.every((e) => e.week <= mid)).toBe(true);
    expect(at.history.length).toBe(busy.history.filter((e) => e.week <= mid).length);
    expect(profileAtWeek(busy, 10_000)).toBe(busy);
  });
});

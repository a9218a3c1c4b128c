// Targeting by segment: the simulation's segmentation of the store's database agrees with src/analytics on the
// same data, targeted actions reach exactly their audience, and an untargeted plan runs as it always has.
import { describe, expect, it } from 'vitest';
import { abcClassify, churnWarnings, rfmGroup, rfmScores, RFM_GROUPS, ABC_CLASSES } from '../../src/analytics';
import type { Audience } from '../../src/scenario/decisions';
import { checkPlan } from '../../src/sim/economics';
import { newGame } from '../../src/sim/game';
import { resolvePlan } from '../../src/sim/plan';
import { lapsedByRecords, seasonRetention } from '../../src/sim/retention';
import { ABC_BIT, AT_RISK_BIT, GROUP_BIT, STAGE_BIT, inDatabase, storeSegments } from '../../src/sim/segments';
import { recordedStage, RECORDED_STAGES } from '../../src/analytics/lifecycle';
import { cloneState, Flag, type SimState } from '../../src/sim/state';
import { newTally } from '../../src/sim/tally';
import { audienceMask, isTargeted, matches, resolveAudiences } from '../../src/sim/targeting';
import { ChurnReason, Stage } from '../../src/sim/types';
import { databaseSummaries } from '../../src/host/store-analytics';
import { botSeasons, decisions, smallBubbleTea, playGame, playStep } from './helpers';

const sc = smallBubbleTea(1500);
let cached: SimState | undefined;
/** The store after three textbook seasons: a database with every group, class and lapsed customers. */
function played(): SimState {
  if (!cached) {
    cached = newGame(sc, 'targeting-1');
    for (const d of botSeasons('textbook', sc).slice(0, 3)) playStep(cached, d);
  }
  return cloneState(cached);
}

const full = (a: Partial<Audience>): Audience => ({ groups: [], abc: [], atRisk: false, stages: [], ...a });

describe('the store segments its database as src/analytics does', () => {
  it('gives every database customer the RFM group, ABC class and long-absence flag the analytics give', () => {
    const s = played();
    const marks = storeSegments(s);
    const summaries = databaseSummaries(s);
    expect(summaries.length).toBeGreaterThan(100);
    const rfm = rfmScores(summaries.map((x) => ({ recencyGap: x.T - x.recency, frequency: x.purchaseDays, monetary: x.totalSpend })));
    const abc = abcClassify(summaries.map((x) => x.totalSpend));
    // P(alive) = 1 silences the model-based reasons; the game's database holds first and last purchase only, so
    // falling-frequency cannot fire either: what is left is the long-absence rule.
    const warned = new Set(churnWarnings(summaries.map((x, k) => ({ summary: x, pAlive: 1, abc: abc[k] }))).map((w) => Number(w.id)));
    const seen = { groups: new Set<string>(), abc: new Set<string>(), risk: 0, stages: new Set<string>() };
    summaries.forEach((x, k) => {
      const i = Number(x.id);
      const group = rfmGroup(rfm[k]);
      const stage = STAGE_BIT[RECORDED_STAGES.indexOf(recordedStage(x.purchaseDays, warned.has(i)))];
      const expected = GROUP_BIT[RFM_GROUPS.indexOf(group)] | ABC_BIT[ABC_CLASSES.indexOf(abc[k])] | (warned.has(i) ? AT_RISK_BIT : 0) | stage;
      expect(marks[i], `customer ${i}`).toBe(expected);
      seen.groups.add(group);
      seen.abc.add(abc[k]);
      if (warned.has(i)) seen.risk++;
      seen.stages.add(recordedStage(x.purchaseDays, warned.has(i)));
    });
    expect([...seen.stages].sort()).toEqual([...RECORDED_STAGES].sort());
    // The comparison is not vacuous: every group and class occurs, and some customers are on the list.
    expect([...seen.groups].sort()).toEqual([...RFM_GROUPS].sort());
    expect([...seen.abc].sort()).toEqual(['A', 'B', 'C']);
    expect(seen.risk).toBeGreaterThan(0);
    expect(seen.risk).toBeLessThan(summaries.length);
    // Customers outside the database carry no mark.
    for (let i = 0; i < s.n; i++) if (!inDatabase(s, i)) expect(marks[i]).toBe(0);
  });
});

describe('audiences', () => {
  it('match every criterion set: any listed group, any listed class, and the list when asked', () => {
    const hv = GROUP_BIT[0];
    const dev = GROUP_BIT[1];
    const a = ABC_BIT[0];
    const c = ABC_BIT[2];
    const m = audienceMask(full({ groups: ['high-value', 'keep'], abc: ['A'] }));
    expect(matches(hv | a, m)).toBe(true);
    expect(matches(hv | c, m)).toBe(false);
    expect(matches(dev | a, m)).toBe(false);
    const risk = audienceMask(full({ atRisk: true }));
    expect(matches(dev | c | AT_RISK_BIT, risk)).toBe(true);
    expect(matches(dev | c, risk)).toBe(false);
    // Outside the database nothing matches a targeted audience.
    expect(matches(0, audienceMask(full({ abc: ['C'] })))).toBe(false);
    expect(isTargeted(audienceMask(undefined))).toBe(false);
    expect(isTargeted(audienceMask(full({})))).toBe(false);
    expect(isTargeted(risk)).toBe(true);
    // Lifecycle stages as the records show them: any listed stage, and with the other criteria.
    const early = audienceMask(full({ stages: ['exploration', 'formation'] }));
    expect(isTargeted(early)).toBe(true);
    expect(matches(dev | c | STAGE_BIT[0], early)).toBe(true);
    expect(matches(dev | c | STAGE_BIT[1], early)).toBe(true);
    expect(matches(hv | a | STAGE_BIT[2], early)).toBe(false);
    expect(matches(dev | c | STAGE_BIT[1], audienceMask(full({ stages: ['formation'], abc: ['A'] })))).toBe(false);
  });
});

describe('targeted actions reach exactly their audience', () => {
  it('routine care contacts go to the care audience only', () => {
    const s = played();
    const marks = storeSegments(s);
    const audience = full({ groups: ['high-value', 'keep'] });
    const m = audienceMask(audience);
    const startActive = Uint8Array.from({ length: s.n }, (_, i) => +(s.c.stage[i] >= Stage.Exploration && s.c.stage[i] <= Stage.Decline));
    for (let i = 0; i < s.n; i++) s.c.contactLoad[i] = 0;
    playStep(s, decisions({ care: { contactsPerMonth: 4, audience } }));
    let reached = 0;
    for (let i = 0; i < s.n; i++) {
      const target = matches(marks[i], m);
      if (s.c.contactLoad[i] > 0) {
        expect(target, `customer ${i} was contacted outside the audience`).toBe(true);
        reached++;
      } else if (target && startActive[i] && s.c.stage[i] !== Stage.Churned && !(s.c.flags[i] & Flag.OptedOut)) {
        throw new Error(`customer ${i} is in the audience, stayed active and was never contacted`);
      }
    }
    expect(reached).toBeGreaterThan(20);
  });

  it('the at-risk coupon goes to customers in decline untargeted, to the offer audience when targeted', () => {
    const s = played();
    const marks = storeSegments(s);
    const active = (i: number) => s.c.stage[i] >= Stage.Exploration && s.c.stage[i] <= Stage.Decline;
    const couponed = (d: ReturnType<typeof decisions>) => {
      const t = cloneState(s);
      const plan = resolvePlan(sc, d);
      resolveAudiences(t, plan);
      seasonRetention(t, plan);
      return [...Array(t.n).keys()].filter((i) => t.c.couponUntil[i] === t.week + 6);
    };
    const declining = [...Array(s.n).keys()].filter((i) => s.c.stage[i] === Stage.Decline);
    expect(couponed(decisions({ retention: { atRiskOffer: 10 } }))).toEqual(declining);
    expect(couponed(decisions({ retention: { atRiskOffer: 10, offerAudience: {} } }))).toEqual(declining);
    const m = audienceMask(full({ atRisk: true }));
    const listed = [...Array(s.n).keys()].filter((i) => active(i) && matches(marks[i], m));
    expect(listed.length).toBeGreaterThan(0);
    expect(listed).not.toEqual(declining);
    expect(couponed(decisions({ retention: { atRiskOffer: 10, offerAudience: { atRisk: true } } }))).toEqual(listed);
  });

  it('win-back approaches only lost customers in its audience', () => {
    const s = played();
    const marks = storeSegments(s);
    // The till's records show who is lapsed, not who has left: the list holds apparent churners too (假性流失).
    const lost = (i: number) => s.c.stage[i] !== Stage.Prospect && lapsedByRecords(s, i);
    const attempts = (d: ReturnType<typeof decisions>) => {
      const t = cloneState(s);
      t.tally = newTally(t.n, t.c.stage);
      const plan = resolvePlan(sc, d);
      resolveAudiences(t, plan);
      seasonRetention(t, plan);
      return t.tally.winBackAttempts;
    };
    const all = [...Array(s.n).keys()].filter(lost).length;
    const keep = [...Array(s.n).keys()].filter((i) => lost(i) && matches(marks[i], audienceMask(full({ groups: ['keep'] })))).length;
    expect(keep).toBeGreaterThan(0);
    expect(keep).toBeLessThan(all);
    const budget = 1e7;
    expect(attempts(decisions({ retention: { winBackBudget: budget } }))).toBe(all);
    expect(attempts(decisions({ retention: { winBackBudget: budget, winBackAudience: { groups: ['keep'] } } }))).toBe(keep);
  });
});

describe('plan checks', () => {
  it('an area the scenario does not offer must leave its audiences out too', () => {
    const noCare = smallBubbleTea(300, { levers: ['acquisition', 'retention'] });
    const aimed = decisions({ care: { audience: { groups: ['high-value'] } } });
    expect(checkPlan(noCare, aimed).map((i) => `${i.code}:${i.path}`)).toEqual(['lever-unavailable:care']);
    expect(checkPlan(noCare, decisions({ retention: { winBackAudience: { abc: ['A'] } } }))).toEqual([]);
    const noRetention = smallBubbleTea(300, { levers: ['care'] });
    expect(checkPlan(noRetention, decisions({ retention: { offerAudience: { atRisk: true } } })).map((i) => i.code)).toEqual(['lever-unavailable']);
  });
});

describe('untargeted plans are unchanged', () => {
  it('an audience with no criterion plays exactly like no audience', () => {
    const small = smallBubbleTea(600);
    const plain = botSeasons('textbook', small);
    const empty = plain.map((d) => ({ ...d, care: { ...d.care, audience: full({}) }, retention: { ...d.retention, offerAudience: full({}) } }));
    const a = playGame(small, 'targeting-2', plain).reports.map((r) => r.hash);
    const b = playGame(small, 'targeting-2', empty).reports.map((r) => r.hash);
    expect(b).toEqual(a);
  });

  it('a targeted plan differs from the blanket one on the same seed', () => {
    const small = smallBubbleTea(600);
    const plain = botSeasons('textbook', small);
    const aimed = plain.map((d) => ({ ...d, care: { ...d.care, audience: full({ groups: ['high-value'] }) } }));
    const a = playGame(small, 'targeting-2', plain).reports.map((r) => r.hash);
    const b = playGame(small, 'targeting-2', aimed).reports.map((r) => r.hash);
    expect(b[0]).not.toBe(a[0]);
  });
});

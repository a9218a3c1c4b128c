import { Decisions } from '../scenario/decisions';
import type { Scenario } from '../scenario/schema';
import { replay, verifyRun } from '../run/replay';
import type { RunFile } from '../run/runfile';
import { fold, step, customerProfile, type CustomerProfile, type Score, type SimState, Stage } from '../sim';
import type { SimHost } from './host';
import { clvCheck, storeAnalytics, storeClvById } from './store-analytics';
import { customersCsv, transactionsCsv } from './database-export';

// The simulation in this thread. The simulation's worker exposes exactly this object, so both behave the same.

export function createLocalHost(): SimHost {
  let state: SimState | null = null;
  let loaded: { scenario: Scenario; seed: string; seasons: Decisions[] } | null = null;
  // Doing nothing's season scores for the loaded scenario and seed, played once for the whole game.
  let passive: { scenario: Scenario; seed: string; scores: Score[] } | null = null;
  let clvCache: { state: SimState; week: number; byId: Map<number, number> } | null = null;
  const need = (): SimState => {
    if (!state) throw new Error('no game loaded');
    return state;
  };
  return {
    async load(scenario: Scenario, seed: string, seasons: readonly Decisions[]) {
      const played = replay(scenario, seed, seasons);
      state = played.state;
      loaded = { scenario, seed, seasons: [...seasons] };
      return { reports: played.reports, featured: state.featured.slice() };
    },
    async step(decisions: Decisions) {
      const r = step(need(), decisions);
      if (!r.ok) return { issues: r.issues };
      loaded?.seasons.push(decisions);
      return r.report;
    },
    async customer(id: number) {
      const s = need();
      const p = customerProfile(s, id);
      if (!p) return null;
      // The model is fitted once per state and week shown, not once per file opened.
      if (!clvCache || clvCache.state !== s || clvCache.week !== s.week) clvCache = { state: s, week: s.week, byId: storeClvById(s) };
      const clv = clvCache.byId.get(id);
      return clv === undefined ? p : { ...p, clv };
    },
    async verify(run: RunFile) {
      return verifyRun(run);
    },
    async clvCheck() {
      const late = need();
      if (!loaded || loaded.seasons.length < 2) return clvCheck(late, late);
      return clvCheck(fold(loaded.scenario, loaded.seed, loaded.seasons.slice(0, 1)).state, late);
    },
    async baseline() {
      if (!loaded) throw new Error('no game loaded');
      if (!passive || passive.scenario !== loaded.scenario || passive.seed !== loaded.seed) {
        const nothing = Decisions.parse({});
        const played = fold(loaded.scenario, loaded.seed, Array.from({ length: loaded.scenario.seasons }, () => nothing));
        passive = { scenario: loaded.scenario, seed: loaded.seed, scores: played.reports.map((r) => r.score) };
      }
      return passive.scores.slice(0, loaded.seasons.length);
    },
    async exportDatabase() {
      const s = need();
      return { customers: customersCsv(s), transactions: transactionsCsv(s) };
    },
    async analytics() {
      return storeAnalytics(need());
    },
    async stories(count: number) {
      const s = need();
      // Three kinds of story: a loyal regular, a customer who left, one who came back or complained.
      const pick = (pred: (i: number) => boolean): number => {
        let best = -1;
        for (let i = 0; i < s.n; i++) if (pred(i) && (best < 0 || s.c.spendTotal[i] > s.c.spendTotal[best])) best = i;
        return best;
      };
      const ids = [
        pick((i) => s.c.stage[i] === Stage.Stability),
        pick((i) => s.c.stage[i] === Stage.Churned && s.c.purchases[i] >= 2),
        pick((i) => s.c.complaints[i] > 0 && s.c.stage[i] !== Stage.Prospect),
      ].filter((i, k, a) => i >= 0 && a.indexOf(i) === k);
      return ids.slice(0, count).map((i) => customerProfile(s, i) as CustomerProfile);
    },
  };
}

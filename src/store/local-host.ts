import type { Decisions } from '../scenario/decisions';
import type { Scenario } from '../scenario/schema';
import { verifyRun } from '../run/replay';
import type { RunFile } from '../run/runfile';
import { checkPlan } from '../sim/economics';
import { newGame, step } from '../sim/game';
import { customerProfile, type CustomerProfile } from '../sim/profile';
import type { SimState } from '../sim/state';
import { Stage } from '../sim/types';
import type { HostRequest, SimHost } from './host';
import { clvCheck, storeAnalytics } from './store-analytics';
import { customersCsv, transactionsCsv } from './database-export';

// The simulation in this thread. The worker wraps exactly this object, so both behave the same.

export function createLocalHost(): SimHost {
  let state: SimState | null = null;
  let loaded: { scenario: Scenario; seed: string; seasons: Decisions[] } | null = null;
  const need = (): SimState => {
    if (!state) throw new Error('no game loaded');
    return state;
  };
  return {
    async load(scenario: Scenario, seed: string, seasons: readonly Decisions[]) {
      state = newGame(scenario, seed);
      loaded = { scenario, seed, seasons: [...seasons] };
      const reports = [];
      for (const d of seasons) reports.push(step(state, d));
      return { reports, featured: state.featured.slice() };
    },
    async step(decisions: Decisions) {
      const s = need();
      const issues = checkPlan(s.scenario, decisions, s.featured);
      if (issues.length > 0) return { issues };
      loaded?.seasons.push(decisions);
      return step(s, decisions);
    },
    async customer(id: number) {
      return customerProfile(need(), id);
    },
    async verify(run: RunFile) {
      return verifyRun(run);
    },
    async clvCheck() {
      const late = need();
      if (!loaded || loaded.seasons.length < 2) return clvCheck(late, late);
      const early = newGame(loaded.scenario, loaded.seed);
      step(early, loaded.seasons[0]);
      return clvCheck(early, late);
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

/** Dispatches one request to a host: the worker's message loop and tests share this. */
export function dispatch(host: SimHost, req: HostRequest): Promise<unknown> {
  switch (req.op) {
    case 'load':
      return host.load(req.scenario, req.seed, req.seasons);
    case 'step':
      return host.step(req.decisions);
    case 'customer':
      return host.customer(req.id);
    case 'verify':
      return host.verify(req.run);
    case 'stories':
      return host.stories(req.count);
    case 'analytics':
      return host.analytics();
    case 'clvCheck':
      return host.clvCheck();
    case 'exportDatabase':
      return host.exportDatabase();
  }
}

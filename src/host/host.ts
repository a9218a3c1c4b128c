import type { Decisions } from '../scenario/decisions';
import type { Scenario } from '../scenario/schema';
import type { RunFile } from '../run/runfile';
import type { Verdict } from '../run/replay';
import type { CustomerProfile, SeasonReport, PlanIssue, Score } from '../sim';
import type { ClvCheck, StoreAnalytics } from './store-analytics';

// One interface to the simulation, whether it runs in a Web Worker (the browser, so a season never freezes the
// page: src/workers/sim.worker.ts exposes createLocalHost() and the page wraps it with Comlink) or in the same
// thread (tests, tools). The host owns the live state; callers get plain data.

export interface LoadResult {
  reports: SeasonReport[];
  featured: number[];
}

/** A customer's file as the store sees it: the record, and what its own CLV model estimates they are worth. */
export type StoreCustomer = CustomerProfile & { clv?: number };

export interface SimHost {
  /** Starts the game from the seed and replays the given seasons. */
  load(scenario: Scenario, seed: string, seasons: readonly Decisions[]): Promise<LoadResult>;
  /** Plays one season; rejects with the plan's issues if the decisions are not allowed. */
  step(decisions: Decisions): Promise<SeasonReport | { issues: PlanIssue[] }>;
  /** A customer's file, with the store model's CLV estimate of them when the database is large enough to fit it. */
  customer(id: number): Promise<StoreCustomer | null>;
  verify(run: RunFile): Promise<Verdict>;
  /** The store's own analytics on its customer database (RFM, ABC, CLV, at-risk list). */
  analytics(): Promise<StoreAnalytics>;
  /** The store's CLV estimates after the first season of the loaded run beside what customers really spent. */
  clvCheck(): Promise<ClvCheck>;
  /** The store's customer database and till records as CSV, as messy as the team's data quality. */
  exportDatabase(): Promise<{ customers: string; transactions: string }>;
  /**
   * What doing nothing (every lever at its default) scores on the loaded game's scenario and seed: one score per
   * season played so far, the same customers meeting the same dice.
   */
  baseline(): Promise<Score[]>;
  /** Customers of the current state with the most history, for debrief stories. */
  stories(count: number): Promise<CustomerProfile[]>;
}

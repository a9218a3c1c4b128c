import type { Verdict } from '../run/replay';
import { profileAtWeek } from '../run/profile-at';
import type { RunFile } from '../run/runfile';
import type { CustomerProfile, SeasonReport } from '../sim';
import type { SimHost } from '../host/host';

// The replay viewer's simulation. It runs on a host of its own (its own Web Worker in the browser), never the
// game's, so studying a run cannot touch the player's current game. The host's state is kept at the end of
// one season of the studied run and moved there on demand: forward by playing the seasons in between, back
// by replaying from the start. Requests run one at a time, in order; one that is no longer wanted when its
// turn comes is skipped.

export type Opened = { ok: true; reports: SeasonReport[] } | { ok: false; verdict: Extract<Verdict, { valid: false }> };

export interface ReplaySession {
  /** Verifies the run, then replays all of it for its season reports. A run that does not verify is not opened. */
  open(run: RunFile): Promise<Opened>;
  /**
   * Customer files as they were at the end of `week` (counted over the game from 0) in `season` (1-based):
   * the given customers, or with `ids` null the three the debrief would tell. Null when `wanted` says the
   * request has been overtaken by a newer one.
   */
  customersAt(season: number, week: number, ids: readonly number[] | null, wanted?: () => boolean): Promise<CustomerProfile[] | null>;
}

export function createReplaySession(host: SimHost): ReplaySession {
  let run: RunFile | null = null;
  /** Seasons of `run` the host's state has played. */
  let at = -1;
  let queue: Promise<unknown> = Promise.resolve();
  const serial = <T>(job: () => Promise<T>): Promise<T> => {
    const next = queue.then(job, job);
    queue = next.catch(() => undefined);
    return next;
  };

  async function moveTo(season: number): Promise<void> {
    if (!run) throw new Error('no run opened');
    const decisions = run.seasons.map((s) => s.decisions);
    if (season < at || at < 0) {
      await host.load(run.scenario.data, run.seed, decisions.slice(0, season));
      at = season;
    }
    for (; at < season; at++) {
      const r = await host.step(decisions[at]);
      // The run verified when it was opened, so the rules cannot refuse a plan here.
      if ('issues' in r) throw new Error(`season ${at + 1}: plan refused on replay`);
    }
  }

  return {
    open: (file) =>
      serial(async () => {
        const verdict = await host.verify(file);
        if (!verdict.valid) return { ok: false, verdict };
        run = file;
        const loaded = await host.load(file.scenario.data, file.seed, file.seasons.map((s) => s.decisions));
        at = file.seasons.length;
        return { ok: true, reports: loaded.reports };
      }),
    customersAt: (season, week, ids, wanted = () => true) =>
      serial(async () => {
        if (!wanted()) return null;
        await moveTo(season);
        const files = ids === null ? await host.stories(3) : (await Promise.all(ids.map((id) => host.customer(id)))).filter((p) => p !== null);
        // A file as of the week shown: the record then, without the model's CLV, which is fitted at the season's end.
        return files.map(({ clv: _, ...p }: CustomerProfile & { clv?: number }) => profileAtWeek(p, week));
      }),
  };
}

import { createHash } from 'node:crypto';
import type { ExpressionBuilder, Kysely } from 'kysely';
import PgBoss from 'pg-boss';
import { Decisions } from '../scenario/decisions';
import { ENGINE_VERSION } from '../sim';
import { notify, type QueueDb } from './db';
import { oneLine } from './errors';
import type { Database } from './schema';
import { sessionGame } from './sessions';
import { SimPool } from './sim-pool';
import type { Played } from './simulate';

// Seasons are simulated as jobs of a PostgreSQL-backed queue (pg-boss), one job per team and season, so any server
// process on the database may play them and a process killed mid-job leaves the job to be retried. A job's id is
// derived from its key — session, team, season, engine version and how often the season was reopened for the
// team — so enqueuing it again does nothing; and a result row, keyed the same way, is written at most once, so a
// job played twice changes nothing. Enqueuing is driven by the database alone: every "closing" announcement and a
// periodic sweep enqueue a job for each active team of a closing (or reopened-and-closed) season that has no
// result, so a crash between closing a season and enqueuing loses nothing.

const QUEUE = 'simulate-season';

export interface JobData {
  sessionId: string;
  teamId: number;
  season: number;
  engineVersion: string;
  attempt: number;
}

/** A UUID made from the job's key: the same key is the same job. */
export function jobId(d: JobData): string {
  const h = createHash('sha256').update(`${d.sessionId}|${d.teamId}|${d.season}|${d.engineVersion}|${d.attempt}`).digest('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-8${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

export interface JobsOptions {
  /** Run jobs in this process (a process may only enqueue). */
  work?: boolean;
  /** How often a worker looks for jobs when not woken, seconds (pg-boss's minimum is 0.5). */
  pollSeconds?: number;
  /** Simulation threads (sim-pool.ts; default: the cores but one, 1–4); 0 simulates on the event loop. */
  simThreads?: number;
  log?: (line: string) => void;
}

export class SeasonJobs {
  private readonly boss: PgBoss;
  private readonly workerIds: string[] = [];
  private readonly pool: SimPool;
  private stopped = false;
  /** Ids of the jobs this process has enqueued and not yet seen done. */
  private readonly sent = new Set<string>();

  constructor(private readonly db: Kysely<Database>, queueDb: QueueDb, private readonly options: JobsOptions = {}) {
    const common = { schedule: false, supervise: true, maintenanceIntervalSeconds: 30 };
    this.boss =
      queueDb.kind === 'pglite'
        ? new PgBoss({ ...common, db: { executeSql: (text: string, values: unknown[]) => queueDb.executeSql(text, values) } })
        : new PgBoss({ ...common, connectionString: queueDb.connectionString, max: 4 });
    this.boss.on('error', (err: Error) => this.log(`job queue: ${oneLine(err.message)}`));
    this.pool = new SimPool(options.simThreads);
  }

  /** Simulation threads of this process (0: seasons are simulated on the event loop). */
  get simThreads(): number {
    return this.pool.size;
  }

  private log(line: string): void {
    (this.options.log ?? console.error)(line);
  }

  async start(): Promise<void> {
    await this.boss.start();
    await this.boss.createQueue(QUEUE);
    if (this.options.work !== false) {
      this.pool.warm();
      // One queue worker per simulation thread and one more, so while the threads simulate, the event loop reads
      // the next job's inputs and writes the last one's result. On the event loop (no threads), one at a time.
      for (let k = 0; k < (this.pool.size === 0 ? 1 : this.pool.size + 1); k++) {
        const id = await this.boss.work<JobData>(QUEUE, { pollingIntervalSeconds: this.options.pollSeconds ?? 0.5, batchSize: 1 }, async ([job]) => {
          const played = await this.play(job.data);
          // The queue waits a polling interval after each job; with more jobs waiting, look again at once.
          this.wake();
          // Kept as the job's output: which process took it, whether it ran the engine and wrote the result.
          return { pid: process.pid, ...played };
        });
        this.workerIds.push(id);
      }
    }
  }

  private wake(): void {
    for (const id of this.workerIds) this.boss.notifyWorker(id);
  }

  async stop(): Promise<void> {
    this.stopped = true;
    await this.boss.stop({ graceful: true, wait: true, timeout: 10_000 });
    await this.pool.close();
  }

  /**
   * Enqueues the missing jobs of `sessionId` (all sessions when omitted; one team's when `teamId` is given), then
   * wakes this process's worker. Jobs this process has enqueued already are not sent again (sending one twice is
   * harmless, but costs a query per job at every sweep); a full sweep forgets those that are done.
   */
  async ensure(sessionId?: string, teamId?: number): Promise<number> {
    if (this.stopped) return 0;
    const missing = (await missingResults(this.db, sessionId)).filter((m) => teamId === undefined || m.teamId === teamId);
    const ids = missing.map((m) => jobId({ ...m, engineVersion: ENGINE_VERSION }));
    let sent = 0;
    for (let k = 0; k < missing.length; k++) {
      if (this.sent.has(ids[k])) continue;
      const data: JobData = { ...missing[k], engineVersion: ENGINE_VERSION };
      if (await this.boss.send(QUEUE, data, { id: ids[k], retryLimit: 5, retryDelay: 1, expireInSeconds: 300 })) sent++;
      this.sent.add(ids[k]);
    }
    if (sessionId === undefined) {
      const open = new Set(ids);
      for (const id of this.sent) if (!open.has(id)) this.sent.delete(id);
    }
    if (missing.length > 0) this.wake();
    await completeSeasons(this.db, sessionId);
    return sent;
  }

  /**
   * Plays one job; idempotent. Says whether it ran the engine (not when the result was there already or the job
   * was superseded) and whether its result was the one written (not when another process wrote it meanwhile).
   */
  private async play(job: JobData): Promise<{ simulated: boolean; written: boolean }> {
    const nothing = { simulated: false, written: false };
    if (job.engineVersion !== ENGINE_VERSION) return nothing; // a job of another engine version belongs to servers running it
    const { db } = this;
    const done = await db
      .selectFrom('result')
      .select('hash')
      .where('session_id', '=', job.sessionId)
      .where('team_id', '=', job.teamId)
      .where('season', '=', job.season)
      .where('engine_version', '=', ENGINE_VERSION)
      .executeTakeFirst();
    const plan = await db.selectFrom('plan').selectAll().where('session_id', '=', job.sessionId).where('team_id', '=', job.teamId).where('season', '=', job.season).executeTakeFirst();
    // Superseded: the season was reopened for the team since this job was made.
    if (done || (plan && (plan.attempt !== job.attempt || plan.reopened))) return nothing;
    const game = await sessionGame(db, job.sessionId);
    const prior =
      job.season <= 1
        ? []
        : await db
            .selectFrom('result')
            .select(['season', 'decisions'])
            .where('session_id', '=', job.sessionId)
            .where('team_id', '=', job.teamId)
            .where('season', '>=', 1)
            .where('season', '<', job.season)
            .where('engine_version', '=', ENGINE_VERSION)
            .orderBy('season')
            .execute();
    // The seasons before must have their results first; until then the job fails and is retried.
    if (job.season >= 1 && prior.length !== job.season - 1) throw new Error(`team ${job.teamId}: season ${job.season} waits for the seasons before it`);
    const candidates: { played: Played; decisions: unknown }[] = [];
    if (plan?.submitted_at) candidates.push({ played: 'submitted', decisions: plan.decisions });
    // A draft nobody touched in the first season is the neutral plan.
    else if (plan && (plan.version > 0 || job.season >= 2)) candidates.push({ played: 'draft', decisions: plan.decisions });
    // On a simulation thread: the event loop keeps answering clients while the engine runs.
    const outcome = await this.pool.run({
      scenario: game.scenario,
      scenarioHash: game.hash,
      seed: game.seed,
      season: job.season,
      prior: prior.map((p) => Decisions.parse(p.decisions)),
      candidates,
    });
    let inserted = false;
    const behind = await db.transaction().execute(async (tx) => {
      const rows = await tx
        .insertInto('result')
        .values({
          session_id: job.sessionId,
          team_id: job.teamId,
          season: job.season,
          engine_version: ENGINE_VERSION,
          played: outcome.played,
          note: outcome.note,
          decisions: JSON.stringify(outcome.decisions),
          hash: outcome.report.hash,
          score: JSON.stringify(outcome.report.score),
          final: JSON.stringify(outcome.final),
          report: JSON.stringify(outcome.report),
        })
        .onConflict((oc) => oc.columns(['session_id', 'team_id', 'season', 'engine_version']).doNothing())
        .returning('hash')
        .execute();
      if (rows.length === 0) return false;
      inserted = true;
      const s = await tx.selectFrom('season').select('status').where('session_id', '=', job.sessionId).where('season', '=', job.season).executeTakeFirst();
      // A reopened team's season, closed alone: its report goes out now. Otherwise reports go out together below.
      if (s?.status === 'closed') await notify(tx, { kind: 'result', sessionId: job.sessionId, teamId: job.teamId, season: job.season });
      const later = await tx.selectFrom('season').select('season').where('session_id', '=', job.sessionId).where('season', '>', job.season).where('status', 'in', ['closing', 'closed']).executeTakeFirst();
      return later !== undefined;
    });
    await completeSeasons(db, job.sessionId);
    // A team that had more than one season to catch up on (it joined late) gets its next one now.
    if (behind) await this.ensure(job.sessionId, job.teamId);
    return { simulated: true, written: inserted };
  }
}

/** Whether the team in scope has this engine's result for the season in scope. */
function hasResult(eb: ExpressionBuilder<Database, 'season' | 'team'>) {
  return eb.exists(
    eb
      .selectFrom('result')
      .select('result.hash')
      .whereRef('result.session_id', '=', 'season.session_id')
      .whereRef('result.team_id', '=', 'team.id')
      .whereRef('result.season', '=', 'season.season')
      .where('result.engine_version', '=', ENGINE_VERSION),
  );
}

/** Active teams of closing seasons, and teams whose reopened season was closed again, without a result. */
async function missingResults(db: Kysely<Database>, sessionId?: string): Promise<Omit<JobData, 'engineVersion'>[]> {
  let q = db
    .selectFrom('season')
    .innerJoin('team', 'team.session_id', 'season.session_id')
    .leftJoin('plan', (j) => j.onRef('plan.session_id', '=', 'season.session_id').onRef('plan.team_id', '=', 'team.id').onRef('plan.season', '=', 'season.season'))
    .select(['season.session_id', 'team.id as team_id', 'season.season', 'plan.attempt', 'plan.reopened'])
    .where('team.active', '=', true)
    .where('season.status', 'in', ['closing', 'closed'])
    .where((eb) => eb.not(hasResult(eb)))
    .orderBy('season.season')
    .orderBy('team.id');
  if (sessionId) q = q.where('season.session_id', '=', sessionId);
  const rows = await q.execute();
  // A team's seasons are played in order: only its earliest missing season is due (the next follows when it is done).
  const due = new Map<string, (typeof rows)[number]>();
  for (const r of rows) if (!due.has(`${r.session_id}|${r.team_id}`)) due.set(`${r.session_id}|${r.team_id}`, r);
  return [...due.values()].filter((r) => !r.reopened).map((r) => ({ sessionId: r.session_id, teamId: r.team_id, season: r.season, attempt: r.attempt ?? 0 }));
}

/** Marks closed every closing season in which each active team has its result, and announces it once. */
export async function completeSeasons(db: Kysely<Database>, sessionId?: string): Promise<void> {
  await db.transaction().execute(async (tx) => {
    let q = tx
      .updateTable('season')
      .set({ status: 'closed', closed_at: new Date() })
      .where('status', '=', 'closing')
      .where(({ not, exists, selectFrom }) =>
        not(
          exists(
            selectFrom('team')
              .select('team.id')
              .whereRef('team.session_id', '=', 'season.session_id')
              .where('team.active', '=', true)
              .where((eb) => eb.not(hasResult(eb))),
          ),
        ),
      );
    if (sessionId) q = q.where('session_id', '=', sessionId);
    // The row lock of the update makes "closed" happen once even when two processes finish the last two jobs.
    const closed = await q.returning(['session_id', 'season']).execute();
    for (const c of closed) {
      await notify(tx, { kind: 'season', sessionId: c.session_id, season: c.season });
      await notify(tx, { kind: 'closed', sessionId: c.session_id, season: c.season });
    }
  });
}

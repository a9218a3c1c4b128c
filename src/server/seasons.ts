import type { Kysely, Selectable, Transaction } from 'kysely';
import type { z } from 'zod';
import { notify } from './db';
import { ensurePlan } from './plans';
import { conflict, notFound } from './errors';
import type { OpenSeason } from './inputs';
import type { Database, SeasonTable } from './schema';
import { sessionById } from './sessions';
import { seasonView, type SeasonView } from './views';

// The schedule of a session's seasons. Seasons open one at a time, in order (the practice season 0 first when the
// session has one); an open season has a deadline or closes when every active team has submitted; the clock can
// be paused, resumed and extended; a season closes at its deadline (whichever server process sees it first), on
// the teacher's word, or with the last submission. Closing only marks the season "closing" and announces it: the
// simulation jobs (jobs.ts) do the rest and mark it "closed" when every active team has its result.

type Db = Kysely<Database> | Transaction<Database>;

async function seasonRow(db: Db, sessionId: string, season: number): Promise<Selectable<SeasonTable>> {
  const s = await db.selectFrom('season').selectAll().where('session_id', '=', sessionId).where('season', '=', season).executeTakeFirst();
  if (!s) throw notFound('season-not-opened', { season });
  return s;
}

export async function seasonsOf(db: Db, sessionId: string): Promise<SeasonView[]> {
  const rows = await db.selectFrom('season').selectAll().where('session_id', '=', sessionId).orderBy('season').execute();
  return rows.map((r) => seasonView(r));
}

/** The season being played (open, paused or closing), or null. */
export async function currentSeason(db: Db, sessionId: string): Promise<SeasonView | null> {
  const rows = await db.selectFrom('season').selectAll().where('session_id', '=', sessionId).where('status', 'in', ['open', 'paused', 'closing']).execute();
  return rows.length > 0 ? seasonView(rows[0]) : null;
}

async function changed(tx: Transaction<Database>, sessionId: string, season: number): Promise<void> {
  await notify(tx, { kind: 'season', sessionId, season });
}

export async function openSeason(db: Kysely<Database>, sessionId: string, season: number, input: z.output<typeof OpenSeason>): Promise<SeasonView> {
  const session = await sessionById(db, sessionId);
  const row = await db.transaction().execute(async (tx) => {
    const rows = await tx.selectFrom('season').selectAll().where('session_id', '=', sessionId).orderBy('season', 'desc').forUpdate().execute();
    const last = rows[0];
    const next = last ? last.season + 1 : session.practice ? 0 : 1;
    if (season !== next) throw next > session.seasons ? conflict('all-seasons-played') : conflict('season-next', { season: next });
    if (season > session.seasons) throw conflict('all-seasons-played');
    if (last && last.status !== 'closed') throw conflict('season-still', { season: last.season, status: last.status });
    if (last) {
      const reopened = await tx.selectFrom('plan').select('team_id').where('session_id', '=', sessionId).where('season', '=', last.season).where('reopened', '=', true).execute();
      if (reopened.length > 0) throw conflict('season-reopened-for-team', { season: last.season, team: reopened[0].team_id });
    }
    const deadline = input.mode === 'deadline' ? (input.deadline !== undefined ? new Date(input.deadline) : new Date(Date.now() + (input.minutes as number) * 60_000)) : null;
    const r = await tx.insertInto('season').values({ session_id: sessionId, season, status: 'open', mode: input.mode, deadline, remaining_ms: null, closed_at: null }).returningAll().executeTakeFirstOrThrow();
    await changed(tx, sessionId, season);
    return r;
  });
  return seasonView(row);
}

export async function pauseSeason(db: Kysely<Database>, sessionId: string, season: number): Promise<SeasonView> {
  return update(db, sessionId, season, (s) => {
    if (s.status !== 'open') throw conflict('season-status-not-open', { season, status: s.status });
    return { status: 'paused', remaining_ms: s.deadline ? Math.max(0, s.deadline.getTime() - Date.now()) : null, deadline: null };
  });
}

export async function resumeSeason(db: Kysely<Database>, sessionId: string, season: number): Promise<SeasonView> {
  return update(db, sessionId, season, (s) => {
    if (s.status !== 'paused') throw conflict('season-status-not-paused', { season, status: s.status });
    return { status: 'open', deadline: s.remaining_ms !== null ? new Date(Date.now() + s.remaining_ms) : null, remaining_ms: null };
  });
}

export async function extendSeason(db: Kysely<Database>, sessionId: string, season: number, minutes: number): Promise<SeasonView> {
  return update(db, sessionId, season, (s) => {
    const ms = minutes * 60_000;
    if (s.status === 'paused') return { remaining_ms: (s.remaining_ms ?? 0) + ms };
    if (s.status !== 'open') throw conflict('season-status', { season, status: s.status });
    // A season without a deadline gets one; one past its deadline (not yet seen by the clock) gets time from now.
    return { deadline: new Date(Math.max(s.deadline?.getTime() ?? Date.now(), Date.now()) + ms), mode: 'deadline' };
  });
}

export async function closeSeason(db: Kysely<Database>, sessionId: string, season: number): Promise<SeasonView> {
  await db.transaction().execute(async (tx) => {
    const s = await seasonRow(tx, sessionId, season);
    if (s.status !== 'open' && s.status !== 'paused') throw conflict('season-status', { season, status: s.status });
    await closeSeasonIn(tx, sessionId, season);
  });
  return seasonView(await seasonRow(db, sessionId, season));
}

/** Marks an open or paused season closing and announces it (the job queue simulates it). */
export async function closeSeasonIn(tx: Transaction<Database>, sessionId: string, season: number): Promise<void> {
  await tx.updateTable('season').set({ status: 'closing', deadline: null, remaining_ms: null }).where('session_id', '=', sessionId).where('season', '=', season).where('status', 'in', ['open', 'paused']).execute();
  await changed(tx, sessionId, season);
  await notify(tx, { kind: 'closing', sessionId, season });
}

async function update(db: Kysely<Database>, sessionId: string, season: number, change: (s: Selectable<SeasonTable>) => Partial<Selectable<SeasonTable>>): Promise<SeasonView> {
  const row = await db.transaction().execute(async (tx) => {
    const s = await tx.selectFrom('season').selectAll().where('session_id', '=', sessionId).where('season', '=', season).forUpdate().executeTakeFirst();
    if (!s) throw notFound('season-not-opened', { season });
    const r = await tx.updateTable('season').set(change(s)).where('session_id', '=', sessionId).where('season', '=', season).returningAll().executeTakeFirstOrThrow();
    await changed(tx, sessionId, season);
    return r;
  });
  return seasonView(row);
}

/**
 * Reopens the latest closed season for one team (a late team, processed one by one): its result is withdrawn and
 * it may plan and submit that season again until the teacher closes it for the team.
 */
export async function reopenForTeam(db: Kysely<Database>, sessionId: string, season: number, teamId: number): Promise<void> {
  await db.transaction().execute(async (tx) => {
    const s = await seasonRow(tx, sessionId, season);
    const later = await tx.selectFrom('season').select('season').where('session_id', '=', sessionId).where('season', '>', season).executeTakeFirst();
    if (s.status !== 'closed' || later) throw conflict('reopen-latest-only');
    const team = await tx.selectFrom('team').select('id').where('id', '=', teamId).where('session_id', '=', sessionId).executeTakeFirst();
    if (!team) throw notFound('no-such-team', { team: teamId });
    const plan = await ensurePlan(tx, sessionId, teamId, season);
    if (plan.reopened) throw conflict('season-already-reopened', { season });
    await tx.deleteFrom('result').where('session_id', '=', sessionId).where('team_id', '=', teamId).where('season', '=', season).execute();
    await tx
      .updateTable('plan')
      .set({ reopened: true, attempt: plan.attempt + 1, submitted_at: null, submitted_by: null, submitted_version: null })
      .where('session_id', '=', sessionId)
      .where('team_id', '=', teamId)
      .where('season', '=', season)
      .execute();
    await notify(tx, { kind: 'draft', sessionId, teamId, season, submission: true });
    await notify(tx, { kind: 'result', sessionId, teamId, season });
  });
}

/** Ends a team's reopened season: its season is simulated again (by the job queue) with what it has now. */
export async function closeForTeam(db: Kysely<Database>, sessionId: string, season: number, teamId: number): Promise<void> {
  await db.transaction().execute(async (tx) => {
    const plan = await tx.selectFrom('plan').selectAll().where('session_id', '=', sessionId).where('team_id', '=', teamId).where('season', '=', season).forUpdate().executeTakeFirst();
    if (!plan?.reopened) throw conflict('season-not-reopened', { season, team: teamId });
    await tx.updateTable('plan').set({ reopened: false }).where('session_id', '=', sessionId).where('team_id', '=', teamId).where('season', '=', season).execute();
    await notify(tx, { kind: 'draft', sessionId, teamId, season, submission: true });
    await notify(tx, { kind: 'closing', sessionId, season, teamId });
  });
}

/** Closes every open season whose deadline has passed; returns how many. Safe to run in every process at once. */
export async function closeDue(db: Kysely<Database>, now = new Date()): Promise<number> {
  return db.transaction().execute(async (tx) => {
    const due = await tx
      .updateTable('season')
      .set({ status: 'closing', deadline: null })
      .where('status', '=', 'open')
      .where('deadline', 'is not', null)
      .where('deadline', '<=', now)
      .returning(['session_id', 'season'])
      .execute();
    for (const d of due) {
      await changed(tx, d.session_id, d.season);
      await notify(tx, { kind: 'closing', sessionId: d.session_id, season: d.season });
    }
    return due.length;
  });
}

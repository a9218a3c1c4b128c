import type { Kysely, Selectable, Transaction } from 'kysely';
import { neutralDecisions, type Decisions } from '../scenario/decisions';
import type { Database, PlanTable } from './schema';

// The plan row of a team's season, and the names that go with its edits.

type Db = Kysely<Database> | Transaction<Database>;

/** The plan row, made on first use: a new season starts from the plan the team played last season. */
export async function ensurePlan(tx: Db, sessionId: string, teamId: number, season: number): Promise<Selectable<PlanTable>> {
  const found = await tx.selectFrom('plan').selectAll().where('session_id', '=', sessionId).where('team_id', '=', teamId).where('season', '=', season).executeTakeFirst();
  if (found) return found;
  let start = neutralDecisions();
  if (season >= 2) {
    const last = await tx.selectFrom('result').select('decisions').where('session_id', '=', sessionId).where('team_id', '=', teamId).where('season', '=', season - 1).executeTakeFirst();
    // The complaint cases waiting differ every season: last season's answers never carry over.
    if (last) start = { ...(last.decisions as Decisions), featured: [] };
  }
  await tx
    .insertInto('plan')
    .values({ session_id: sessionId, team_id: teamId, season, decisions: JSON.stringify(start), version: 0, authors: '{}', reopened: false, attempt: 0 })
    .onConflict((oc) => oc.columns(['session_id', 'team_id', 'season']).doNothing())
    .execute();
  return tx.selectFrom('plan').selectAll().where('session_id', '=', sessionId).where('team_id', '=', teamId).where('season', '=', season).executeTakeFirstOrThrow();
}

export async function memberNames(db: Db, sessionId: string): Promise<Map<number, string>> {
  const rows = await db.selectFrom('member').select(['id', 'name']).where('session_id', '=', sessionId).execute();
  return new Map(rows.map((r) => [r.id, r.name]));
}


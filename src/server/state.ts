import type { Kysely, Selectable } from 'kysely';
import type { Score } from '../sim';
import type { MemberAuth } from './auth';
import { ensurePlan, memberNames } from './plans';
import { rosterOf } from './roster';
import type { Database, ResultTable } from './schema';
import { currentSeason, seasonsOf } from './seasons';
import { sessionById, sessionByCode, type SessionRow } from './sessions';
import { draftView, reportView, resultView, sessionSummary, standings, type DraftView, type ResultView, type Standing } from './views';

// The whole state one kind of client sees, read from the database: what a page shows on load and what a
// (re)connecting WebSocket gets in its welcome. Nothing is remembered per client, so reconnecting is loading.

async function resultsOf(db: Kysely<Database>, sessionId: string, teamId?: number): Promise<Selectable<ResultTable>[]> {
  let q = db
    .selectFrom('result')
    .select(['session_id', 'team_id', 'season', 'engine_version', 'played', 'note', 'decisions', 'hash', 'score', 'final', 'created_at'])
    .where('session_id', '=', sessionId)
    .orderBy('season')
    .orderBy('team_id');
  if (teamId !== undefined) q = q.where('team_id', '=', teamId);
  // The full report stays out of lists (tens of kB per team); it is sent alone.
  return (await q.execute()).map((r) => ({ ...r, report: null }));
}

/** The live leaderboard, or null while scores are hidden (unless the teacher asks). */
export async function standingsOf(db: Kysely<Database>, session: SessionRow, teacher: boolean): Promise<Standing[] | null> {
  if (!session.scores_visible && !teacher) return null;
  const teams = await db.selectFrom('team').selectAll().where('session_id', '=', session.id).execute();
  return standings(teams, await resultsOf(db, session.id), session.seasons);
}

export async function teamState(db: Kysely<Database>, who: MemberAuth) {
  const session = await sessionById(db, who.sessionId);
  const roster = await rosterOf(db, session.id);
  const team = roster.find((t) => t.id === who.teamId);
  const season = await currentSeason(db, session.id);
  // The plan the team works on: the open season's, or a season reopened for the team.
  const reopened = await db.selectFrom('plan').select('season').where('session_id', '=', session.id).where('team_id', '=', who.teamId).where('reopened', '=', true).executeTakeFirst();
  const planSeason = reopened?.season ?? (season && season.status !== 'closing' ? season.season : null);
  let draft: DraftView | null = null;
  if (planSeason !== null) draft = draftView(await ensurePlan(db, session.id, who.teamId, planSeason), await memberNames(db, session.id));
  return {
    session: sessionSummary(session, false),
    team,
    me: team?.members.find((m) => m.id === who.memberId) ?? null,
    season,
    seasons: await seasonsOf(db, session.id),
    draft,
    results: (await resultsOf(db, session.id, who.teamId)).map((r) => resultView(r, session.scores_visible)),
    /** The report of the team's latest season played: a member who was away when it closed finds it here. */
    latest: await latestReport(db, who),
    standings: await standingsOf(db, session, false),
  };
}

async function latestReport(db: Kysely<Database>, who: MemberAuth) {
  const last = await db.selectFrom('result').select('season').where('session_id', '=', who.sessionId).where('team_id', '=', who.teamId).orderBy('season', 'desc').executeTakeFirst();
  return last ? teamReport(db, who, last.season) : null;
}

export async function teacherSessionView(db: Kysely<Database>, sessionId: string) {
  const session = await sessionById(db, sessionId);
  const season = await currentSeason(db, sessionId);
  const names = await memberNames(db, sessionId);
  const plans = season ? await db.selectFrom('plan').selectAll().where('session_id', '=', sessionId).where('season', '=', season.season).execute() : [];
  return {
    session: sessionSummary(session, true),
    teams: await rosterOf(db, sessionId),
    season,
    seasons: await seasonsOf(db, sessionId),
    drafts: plans.map((p) => draftView(p, names)),
    results: (await resultsOf(db, sessionId)).map((r) => resultView(r, true)),
    standings: await standingsOf(db, session, true),
  };
}

/** The ids of the active teams that have submitted `season`. */
export async function submittedTeams(db: Kysely<Database>, sessionId: string, season: number): Promise<number[]> {
  const rows = await db.selectFrom('plan').select('team_id').where('session_id', '=', sessionId).where('season', '=', season).where('submitted_at', 'is not', null).orderBy('team_id').execute();
  return rows.map((r) => r.team_id);
}

export async function screenView(db: Kysely<Database>, code: string) {
  const session = await sessionByCode(db, code);
  const season = await currentSeason(db, session.id);
  const roster = await rosterOf(db, session.id);
  const submitted = new Set(season ? await submittedTeams(db, session.id, season.season) : []);
  const results = await resultsOf(db, session.id);
  return {
    session: sessionSummary(session, false),
    teams: roster.filter((t) => t.active).map((t) => ({ id: t.id, name: t.name, submitted: submitted.has(t.id), members: t.members.filter((m) => m.active).length })),
    season,
    seasons: await seasonsOf(db, session.id),
    standings: await standingsOf(db, session, false),
    /** Each team's season totals (competition seasons), for the trajectory chart; null while scores are hidden. */
    trajectories: session.scores_visible
      ? roster
          .filter((t) => t.active)
          .map((t) => ({ teamId: t.id, team: t.name, totals: results.filter((r) => r.team_id === t.id && r.season >= 1).map((r) => (r.score as Score).total) }))
      : null,
    /** Customers by lifecycle stage after the latest closed season, summed over the class. */
    stages: await classStages(db, session.id),
  };
}

/** The class's customers by stage after its latest closed competition season (from the stored reports). */
async function classStages(db: Kysely<Database>, sessionId: string): Promise<{ season: number; byStage: Record<string, number> } | null> {
  const latest = await db.selectFrom('season').select('season').where('session_id', '=', sessionId).where('status', '=', 'closed').where('season', '>=', 1).orderBy('season', 'desc').executeTakeFirst();
  if (!latest) return null;
  const rows = await db.selectFrom('result').select('report').where('session_id', '=', sessionId).where('season', '=', latest.season).execute();
  const byStage: Record<string, number> = {};
  for (const r of rows) {
    const stages = (r.report as { customers?: { byStage?: Record<string, number> } }).customers?.byStage ?? {};
    for (const [k, v] of Object.entries(stages)) byStage[k] = (byStage[k] ?? 0) + v;
  }
  return { season: latest.season, byStage };
}

export async function joinInfo(db: Kysely<Database>, code: string) {
  const session = await sessionByCode(db, code);
  const roster = await rosterOf(db, session.id);
  return {
    session: { code: session.code, title: session.title, scenario: { id: session.scenario_id, name: JSON.parse(session.scenario_name) as unknown, seasons: session.seasons }, practice: session.practice },
    teams: roster.filter((t) => t.active).map((t) => ({ id: t.id, name: t.name, members: t.members.filter((m) => m.active).length })),
  };
}

/** A team's report of one season, as the team may see it. */
export async function teamReport(db: Kysely<Database>, who: MemberAuth, season: number): Promise<{ result: ResultView; report: unknown } | null> {
  const session = await sessionById(db, who.sessionId);
  return (await seasonReports(db, session, season, who.teamId)).get(who.teamId) ?? null;
}

/** Every team's report of one season (or one team's), as the teams may see them, by team id: one query. */
export async function seasonReports(db: Kysely<Database>, session: SessionRow, season: number, teamId?: number): Promise<Map<number, { result: ResultView; report: unknown }>> {
  let q = db.selectFrom('result').selectAll().where('session_id', '=', session.id).where('season', '=', season);
  if (teamId !== undefined) q = q.where('team_id', '=', teamId);
  const show = session.scores_visible;
  return new Map((await q.execute()).map((r) => [r.team_id, { result: resultView(r, show), report: reportView(r.report, show) }]));
}

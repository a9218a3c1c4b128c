import type { Kysely, Transaction } from 'kysely';
import type { z } from 'zod';
import { planIssueText } from '../run/messages';
import { Decisions } from '../scenario/decisions';
import { checkPlan } from '../sim';
import type { MemberAuth } from './auth';
import { notify } from './db';
import { badRequest, conflict, invalidInput } from './errors';
import type { Changes } from './inputs';
import type { Database } from './schema';
import { ensurePlan } from './plans';
import { closeSeasonIn } from './seasons';
import { sessionGame } from './sessions';
import { draftView, type DraftView } from './views';

// A team's plan for a season: one draft that every member edits field by field (last writer wins per field, and
// each field remembers who changed it last), submitted as a whole at the version the member saw, withdrawn back
// to a draft before the season closes. Every change is checked against the Decisions schema; a submitted plan is
// also checked against the scenario's rules, so the season never has to refuse it.

type Db = Kysely<Database> | Transaction<Database>;

const FORBIDDEN_KEY = /^(constructor|prototype)$/;

/** Applies field changes to a copy of the decisions; the result must be valid Decisions (400 otherwise). */
export function applyChanges(decisions: unknown, changes: z.output<typeof Changes>): Decisions {
  let root: unknown = structuredClone(decisions);
  for (const { path, value } of changes) {
    if (path === '') {
      root = structuredClone(value);
      continue;
    }
    const keys = path.split('.');
    if (keys.some((k) => FORBIDDEN_KEY.test(k))) throw badRequest('no-such-field', { path });
    let cur = root as Record<string, unknown>;
    for (let k = 0; k < keys.length - 1; k++) {
      const key = keys[k];
      // Own properties only: a path never walks into a prototype.
      const next = Object.hasOwn(cur, key) ? cur[key] : undefined;
      if (next === null || typeof next !== 'object') throw badRequest('no-such-field', { path: keys.slice(0, k + 1).join('.') });
      cur = next as Record<string, unknown>;
    }
    const last = keys[keys.length - 1];
    if (Array.isArray(cur)) {
      const i = Number(last);
      if (!/^\d+$/.test(last) || i > cur.length) throw badRequest('no-such-list-item', { path });
    }
    cur[last] = structuredClone(value);
  }
  const parsed = Decisions.safeParse(root);
  if (!parsed.success) throw invalidInput(parsed.error);
  return parsed.data;
}

/** The draft as clients see it: one query (the plan and the names of who edited and submitted it). */
export async function draftOf(db: Db, sessionId: string, teamId: number, season: number): Promise<DraftView> {
  const row = await db
    .selectFrom('plan')
    .leftJoin('member as editor', 'editor.id', 'plan.edited_by')
    .leftJoin('member as submitter', 'submitter.id', 'plan.submitted_by')
    .selectAll('plan')
    .select(['editor.name as editor_name', 'submitter.name as submitter_name'])
    .where('plan.session_id', '=', sessionId)
    .where('plan.team_id', '=', teamId)
    .where('plan.season', '=', season)
    .executeTakeFirst();
  if (!row) return draftView(await ensurePlan(db, sessionId, teamId, season), new Map());
  const names = new Map<number, string>();
  if (row.edited_by !== null && row.editor_name !== null) names.set(row.edited_by, row.editor_name);
  if (row.submitted_by !== null && row.submitter_name !== null) names.set(row.submitted_by, row.submitter_name);
  return draftView(row, names);
}

/** The team's plan row, locked for this transaction, with the state of its season; made first if missing. */
async function lockedPlan(tx: Transaction<Database>, sessionId: string, teamId: number, season: number) {
  const read = () =>
    tx
      .selectFrom('plan')
      .leftJoin('season', (j) => j.onRef('season.session_id', '=', 'plan.session_id').onRef('season.season', '=', 'plan.season'))
      .selectAll('plan')
      .select('season.status as season_status')
      .where('plan.session_id', '=', sessionId)
      .where('plan.team_id', '=', teamId)
      .where('plan.season', '=', season)
      // Row lock: two members' simultaneous changes apply one after the other, neither lost.
      .forUpdate('plan')
      .executeTakeFirst();
  const found = await read();
  if (found) return found;
  await ensurePlan(tx, sessionId, teamId, season);
  return (await read())!;
}

/** Whether the team may change or submit its plan now; a 409 saying why not. */
function assertOpen(season: number, status: string | null, reopened: boolean): void {
  if (status === 'open' || status === 'paused') return;
  if (status === 'closed' && reopened) return;
  throw conflict(status === null ? 'season-not-open' : status === 'closing' ? 'season-simulating' : 'season-closed', { season });
}

/** Applies a member's changes to the team's draft; announces it. The HTTP route answers with the new draft. */
export async function setDraft(db: Kysely<Database>, who: MemberAuth, season: number, changes: z.output<typeof Changes>): Promise<void> {
  await db.transaction().execute(async (tx) => {
    const current = await lockedPlan(tx, who.sessionId, who.teamId, season);
    assertOpen(season, current.season_status, current.reopened);
    if (current.submitted_at) throw conflict('plan-submitted-withdraw-first');
    const decisions = applyChanges(current.decisions, changes);
    const at = new Date();
    const paths = changes.map((c) => (c.path === '' ? '*' : c.path));
    const authors = { ...(current.authors as Record<string, unknown>) };
    for (const p of paths) authors[p] = { memberId: who.memberId, member: who.memberName, at: at.toISOString() };
    await tx
      .updateTable('plan')
      .set({
        decisions: JSON.stringify(decisions),
        version: current.version + 1,
        authors: JSON.stringify(authors),
        edited_by: who.memberId,
        edited_paths: JSON.stringify(paths),
        edited_at: at,
      })
      .where('session_id', '=', who.sessionId)
      .where('team_id', '=', who.teamId)
      .where('season', '=', season)
      .execute();
    await notify(tx, { kind: 'draft', sessionId: who.sessionId, teamId: who.teamId, season });
  });
}

/** The complaint cases waiting at the start of `season` (the engine's `featured` after the season before). */
async function casesWaiting(tx: Db, sessionId: string, teamId: number, season: number): Promise<number[]> {
  if (season <= 1) return [];
  const prev = await tx.selectFrom('result').select('report').where('session_id', '=', sessionId).where('team_id', '=', teamId).where('season', '=', season - 1).executeTakeFirst();
  return ((prev?.report as { featured?: number[] } | undefined)?.featured ?? []).slice();
}

export async function submit(db: Kysely<Database>, who: MemberAuth, season: number, version: number): Promise<void> {
  await db.transaction().execute(async (tx) => {
    const current = await lockedPlan(tx, who.sessionId, who.teamId, season);
    assertOpen(season, current.season_status, current.reopened);
    if (current.submitted_at) throw conflict('plan-already-submitted');
    if (current.version !== version) throw conflict('draft-changed', { version: current.version, seen: version });
    const { scenario } = await sessionGame(tx, who.sessionId);
    const issues = checkPlan(scenario, Decisions.parse(current.decisions), await casesWaiting(tx, who.sessionId, who.teamId, season));
    if (issues.length > 0) throw badRequest('plan-unplayable', { detail: planIssueText(issues[0]), issue: issues[0].code, ...issues[0].params });
    await tx
      .updateTable('plan')
      .set({ submitted_at: new Date(), submitted_by: who.memberId, submitted_version: version })
      .where('session_id', '=', who.sessionId)
      .where('team_id', '=', who.teamId)
      .where('season', '=', season)
      .execute();
    await notify(tx, { kind: 'draft', sessionId: who.sessionId, teamId: who.teamId, season, submission: true });
    await closeIfAllSubmitted(tx, who.sessionId, season);
  });
}

export async function withdraw(db: Kysely<Database>, who: MemberAuth, season: number): Promise<void> {
  await db.transaction().execute(async (tx) => {
    const current = await lockedPlan(tx, who.sessionId, who.teamId, season);
    assertOpen(season, current.season_status, current.reopened);
    if (!current.submitted_at) throw conflict('plan-not-submitted');
    await tx
      .updateTable('plan')
      .set({ submitted_at: null, submitted_by: null, submitted_version: null })
      .where('session_id', '=', who.sessionId)
      .where('team_id', '=', who.teamId)
      .where('season', '=', season)
      .execute();
    await notify(tx, { kind: 'draft', sessionId: who.sessionId, teamId: who.teamId, season, submission: true });
  });
}

/** In "all-submitted" mode the season closes with the last active team's submission. */
async function closeIfAllSubmitted(tx: Transaction<Database>, sessionId: string, season: number): Promise<void> {
  const s = await tx.selectFrom('season').selectAll().where('session_id', '=', sessionId).where('season', '=', season).executeTakeFirst();
  if (!s || s.mode !== 'all-submitted' || (s.status !== 'open' && s.status !== 'paused')) return;
  const waiting = await tx
    .selectFrom('team')
    .select('team.id')
    .where('team.session_id', '=', sessionId)
    .where('team.active', '=', true)
    .where(({ not, exists, selectFrom }) =>
      not(
        exists(
          selectFrom('plan')
            .select('plan.team_id')
            .whereRef('plan.team_id', '=', 'team.id')
            .where('plan.season', '=', season)
            .where('plan.submitted_at', 'is not', null),
        ),
      ),
    )
    .execute();
  if (waiting.length === 0) await closeSeasonIn(tx, sessionId, season);
}

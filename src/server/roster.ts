import type { Kysely } from 'kysely';
import type { z } from 'zod';
import { newToken, tokenHash } from './auth';
import { notify } from './db';
import { badRequest, conflict, notFound } from './errors';
import type { AutoAssign, Join, PatchMember, PatchTeam } from './inputs';
import { sessionByCode } from './sessions';
import type { Database } from './schema';
import { teamViews, type MemberView, type TeamView } from './views';

// Teams and their members. A member joins with the session's code, a name and (optionally) a team, and gets
// the token that is their only key to their team. The teacher renames, deactivates and re-deals; a deactivated
// member's or team's token stops working, and a deactivated team is left out of seasons that close after.

/** Teams one session may have, whoever creates them (students starting teams of their own included). */
const MAX_TEAMS = 100;

const isUniqueViolation = (err: unknown) => (err as { code?: string }).code === '23505';

export async function rosterOf(db: Kysely<Database>, sessionId: string): Promise<TeamView[]> {
  const [teams, members] = await Promise.all([
    db.selectFrom('team').selectAll().where('session_id', '=', sessionId).execute(),
    db.selectFrom('member').selectAll().where('session_id', '=', sessionId).execute(),
  ]);
  return teamViews(teams, members);
}

async function teamIn(db: Kysely<Database>, sessionId: string, teamId: number) {
  const team = await db.selectFrom('team').selectAll().where('id', '=', teamId).where('session_id', '=', sessionId).executeTakeFirst();
  if (!team) throw notFound('no-such-team', { team: teamId });
  return team;
}

export async function createTeam(db: Kysely<Database>, sessionId: string, name: string): Promise<TeamView> {
  try {
    const team = await db.transaction().execute(async (tx) => {
      const t = await tx.insertInto('team').values({ session_id: sessionId, name, active: true }).returningAll().executeTakeFirstOrThrow();
      await notify(tx, { kind: 'roster', sessionId });
      return t;
    });
    return { id: team.id, name: team.name, active: team.active, members: [] };
  } catch (err) {
    if (isUniqueViolation(err)) throw conflict('team-name-taken', { name });
    throw err;
  }
}

export async function patchTeam(db: Kysely<Database>, sessionId: string, teamId: number, patch: z.output<typeof PatchTeam>): Promise<TeamView> {
  await teamIn(db, sessionId, teamId);
  try {
    await db.transaction().execute(async (tx) => {
      await tx
        .updateTable('team')
        .set({ ...(patch.name !== undefined ? { name: patch.name } : {}), ...(patch.active !== undefined ? { active: patch.active } : {}) })
        .where('id', '=', teamId)
        .execute();
      await notify(tx, { kind: 'roster', sessionId });
    });
  } catch (err) {
    if (isUniqueViolation(err)) throw conflict('team-name-taken', { name: patch.name ?? '' });
    throw err;
  }
  return (await rosterOf(db, sessionId)).find((t) => t.id === teamId) as TeamView;
}

export interface Joined {
  token: string;
  member: MemberView;
  team: { id: number; name: string };
  session: { id: string; code: string };
}

export async function join(db: Kysely<Database>, code: string, input: z.output<typeof Join>): Promise<Joined> {
  const session = await sessionByCode(db, code);
  try {
    return await joinIn(db, session, input);
  } catch (err) {
    // Two students starting teams of one name at once: the database's unique index decides.
    if (isUniqueViolation(err)) throw conflict('team-name-taken', { name: input.newTeam ?? '' });
    throw err;
  }
}

async function joinIn(db: Kysely<Database>, session: { id: string; code: string }, input: z.output<typeof Join>): Promise<Joined> {
  return db.transaction().execute(async (tx) => {
    let teams = await tx.selectFrom('team').selectAll().where('session_id', '=', session.id).where('active', '=', true).execute();
    if (input.newTeam !== undefined) {
      // A student may start a team of their own; its name is unique in the session like a teacher's team's.
      const all = await tx.selectFrom('team').select(['name']).where('session_id', '=', session.id).execute();
      if (all.some((t) => t.name.toLowerCase() === input.newTeam!.toLowerCase())) throw conflict('team-name-taken', { name: input.newTeam });
      if (all.length >= MAX_TEAMS) throw conflict('too-many-teams', { max: MAX_TEAMS });
      const made = await tx.insertInto('team').values({ session_id: session.id, name: input.newTeam, active: true }).returningAll().executeTakeFirstOrThrow();
      teams = [made];
    }
    if (teams.length === 0) throw conflict('no-teams-yet');
    let team = input.newTeam !== undefined ? teams[0] : teams.find((t) => t.id === input.teamId);
    if (input.teamId !== undefined && !team) throw notFound('no-open-team', { team: input.teamId });
    if (!team) {
      // The active team with the fewest active members; the earliest on a tie.
      const counts = await tx.selectFrom('member').select(['team_id']).where('session_id', '=', session.id).where('active', '=', true).execute();
      const size = (id: number) => counts.filter((c) => c.team_id === id).length;
      team = teams.slice().sort((a, b) => size(a.id) - size(b.id) || a.id - b.id)[0];
    }
    const token = newToken();
    const m = await tx
      .insertInto('member')
      .values({ session_id: session.id, team_id: team.id, name: input.name, token_hash: tokenHash(token), active: true })
      .returningAll()
      .executeTakeFirstOrThrow();
    await notify(tx, { kind: 'roster', sessionId: session.id });
    return { token, member: { id: m.id, name: m.name, active: m.active, teamId: m.team_id }, team: { id: team.id, name: team.name }, session: { id: session.id, code: session.code } };
  });
}

export async function patchMember(db: Kysely<Database>, sessionId: string, memberId: number, patch: z.output<typeof PatchMember>): Promise<MemberView> {
  const m = await db.selectFrom('member').selectAll().where('id', '=', memberId).where('session_id', '=', sessionId).executeTakeFirst();
  if (!m) throw notFound('no-such-member', { member: memberId });
  if (patch.teamId !== undefined) await teamIn(db, sessionId, patch.teamId);
  const row = await db.transaction().execute(async (tx) => {
    const r = await tx
      .updateTable('member')
      .set({
        ...(patch.name !== undefined ? { name: patch.name } : {}),
        ...(patch.active !== undefined ? { active: patch.active } : {}),
        ...(patch.teamId !== undefined ? { team_id: patch.teamId } : {}),
      })
      .where('id', '=', memberId)
      .returningAll()
      .executeTakeFirstOrThrow();
    await notify(tx, { kind: 'roster', sessionId });
    return r;
  });
  return { id: row.id, name: row.name, active: row.active, teamId: row.team_id };
}

/**
 * Deals the active members, in joining order, round-robin over the active teams, creating teams "Team 1", "Team
 * 2", … first when fewer than `teams` are active.
 */
export async function autoAssign(db: Kysely<Database>, sessionId: string, input: z.output<typeof AutoAssign>): Promise<TeamView[]> {
  await db.transaction().execute(async (tx) => {
    let teams = await tx.selectFrom('team').selectAll().where('session_id', '=', sessionId).where('active', '=', true).orderBy('id').execute();
    const all = await tx.selectFrom('team').select('name').where('session_id', '=', sessionId).execute();
    const names = new Set(all.map((t) => t.name.toLowerCase()));
    for (let n = 1; teams.length < (input.teams ?? 0); n++) {
      const name = `Team ${n}`;
      if (names.has(name.toLowerCase())) continue;
      names.add(name.toLowerCase());
      teams = [...teams, await tx.insertInto('team').values({ session_id: sessionId, name, active: true }).returningAll().executeTakeFirstOrThrow()];
    }
    if (teams.length === 0) throw badRequest('no-active-team');
    const members = await tx.selectFrom('member').select('id').where('session_id', '=', sessionId).where('active', '=', true).orderBy('id').execute();
    for (let k = 0; k < members.length; k++) {
      await tx.updateTable('member').set({ team_id: teams[k % teams.length].id }).where('id', '=', members[k].id).execute();
    }
    await notify(tx, { kind: 'roster', sessionId });
  });
  return rosterOf(db, sessionId);
}

import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import type { Kysely } from 'kysely';
import { forbidden, unauthorized } from './errors';
import type { Database } from './schema';

// Who is asking. The teacher's token is made at the first start and kept in the database, so every server
// process of one database accepts it and a restart prints the same link. A member's token is random, handed out
// once at joining; the database keeps only its SHA-256, so a copy of the database opens no team.

export const newToken = () => randomBytes(24).toString('base64url');
export const tokenHash = (token: string) => createHash('sha256').update(token).digest('hex');

export async function teacherToken(db: Kysely<Database>): Promise<string> {
  await db.insertInto('settings').values({ key: 'teacher_token', value: newToken() }).onConflict((oc) => oc.column('key').doNothing()).execute();
  const row = await db.selectFrom('settings').select('value').where('key', '=', 'teacher_token').executeTakeFirstOrThrow();
  return row.value;
}

/** The token of an `Authorization: Bearer …` header, or null. */
export function bearer(header: string | undefined): string | null {
  const m = /^Bearer ([A-Za-z0-9_-]{1,200})$/.exec(header ?? '');
  return m ? m[1] : null;
}

export function sameToken(a: string, b: string): boolean {
  const x = Buffer.from(tokenHash(a), 'hex');
  const y = Buffer.from(tokenHash(b), 'hex');
  return timingSafeEqual(x, y);
}

export interface MemberAuth {
  memberId: number;
  memberName: string;
  teamId: number;
  sessionId: string;
}

/** The member a token belongs to; 401 for an unknown token, 403 for a deactivated member or team. */
export async function memberByToken(db: Kysely<Database>, token: string | null): Promise<MemberAuth> {
  if (!token) throw unauthorized('team-token-required');
  const row = await db
    .selectFrom('member')
    .innerJoin('team', 'team.id', 'member.team_id')
    .select(['member.id as member_id', 'member.name as member_name', 'member.team_id', 'member.session_id', 'member.active as member_active', 'team.active as team_active'])
    .where('member.token_hash', '=', tokenHash(token))
    .executeTakeFirst();
  if (!row) throw unauthorized('unknown-team-token');
  if (!row.member_active) throw forbidden('member-deactivated');
  if (!row.team_active) throw forbidden('team-deactivated');
  return { memberId: row.member_id, memberName: row.member_name, teamId: row.team_id, sessionId: row.session_id };
}

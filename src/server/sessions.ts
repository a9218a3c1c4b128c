import { randomInt, randomUUID } from 'node:crypto';
import type { Kysely, Selectable, Transaction } from 'kysely';
import type { z } from 'zod';
import { conflict, notFound } from './errors';
import type { Scenario } from '../scenario/schema';
import type { CreateSession } from './inputs';
import { sessionScenario } from './scenarios';
import type { Database, SessionTable } from './schema';

// A class session: one scenario (validated, stored whole with its hash, so a later edit of the shipped file
// changes no running class) and one seed, fixed at creation and reached by a join code, so students never type a
// seed.

/** Join codes avoid letters and digits that read alike (0/O, 1/I/L). */
const CODE_ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';

function joinCode(): string {
  let code = '';
  for (let k = 0; k < 6; k++) code += CODE_ALPHABET[randomInt(CODE_ALPHABET.length)];
  return code;
}

export async function createSession(db: Kysely<Database>, input: z.output<typeof CreateSession>): Promise<Selectable<SessionTable>> {
  const { scenario, hash } = sessionScenario(input.scenario);
  const lower = input.teams.map((t) => t.toLowerCase());
  if (new Set(lower).size !== lower.length) throw conflict('team-names-repeat');
  for (let attempt = 0; ; attempt++) {
    const code = joinCode();
    const taken = await db.selectFrom('class_session').select('id').where('code', '=', code).executeTakeFirst();
    if (taken) {
      if (attempt > 20) throw new Error('no free join code');
      continue;
    }
    return db.transaction().execute(async (tx) => {
      const row = await tx
        .insertInto('class_session')
        .values({
          id: randomUUID(),
          code,
          title: input.title,
          seed: input.seed,
          scenario_id: scenario.id,
          scenario_name: JSON.stringify(scenario.title),
          scenario_hash: hash,
          scenario: JSON.stringify(scenario),
          seasons: scenario.seasons,
          practice: input.practice,
          scores_visible: false,
        })
        .returningAll()
        .executeTakeFirstOrThrow();
      for (const name of input.teams) await tx.insertInto('team').values({ session_id: row.id, name, active: true }).execute();
      return row;
    });
  }
}

/** A session without its scenario (tens of kB of JSON that only the simulation and the files need). */
export type SessionRow = Omit<Selectable<SessionTable>, 'scenario'>;

const COLUMNS = ['id', 'code', 'title', 'seed', 'scenario_id', 'scenario_name', 'scenario_hash', 'seasons', 'practice', 'scores_visible', 'created_at'] as const;

type Db = Kysely<Database> | Transaction<Database>;

export async function sessionById(db: Db, id: string): Promise<SessionRow> {
  const row = await db.selectFrom('class_session').select(COLUMNS).where('id', '=', id).executeTakeFirst();
  if (!row) throw notFound('no-such-session');
  return row;
}

export async function sessionByCode(db: Db, code: string): Promise<SessionRow> {
  const row = await db.selectFrom('class_session').select(COLUMNS).where('code', '=', code).executeTakeFirst();
  if (!row) throw notFound('no-session-with-code', { code });
  return row;
}

export async function listSessions(db: Db): Promise<SessionRow[]> {
  return db.selectFrom('class_session').select(COLUMNS).orderBy('created_at', 'desc').execute();
}

export interface SessionGame {
  scenario: Scenario;
  hash: string;
  seed: string;
}

/**
 * The game a session plays. A session's scenario and seed never change once created, so what was read once is
 * kept (by session id) and never goes stale.
 */
const games = new Map<string, SessionGame>();

export async function sessionGame(db: Db, id: string): Promise<SessionGame> {
  const known = games.get(id);
  if (known) return known;
  const row = await db.selectFrom('class_session').select(['scenario', 'scenario_hash', 'seed']).where('id', '=', id).executeTakeFirst();
  if (!row) throw notFound('no-such-session');
  const game = { scenario: row.scenario as Scenario, hash: row.scenario_hash, seed: row.seed };
  if (games.size >= 64) games.delete(games.keys().next().value as string);
  games.set(id, game);
  return game;
}

import { Migrator, sql, type Kysely, type Migration, type MigrationProvider } from 'kysely';

// The class server's schema, one list of migrations for PGlite and PostgreSQL alike, applied in order by Kysely's
// Migrator at every start (it records what ran and holds PostgreSQL's advisory lock while it runs, so several
// server processes starting together apply each migration once). A migration, once shipped, is never edited: a
// change is a new entry.

const init: Migration = {
  async up(db: Kysely<unknown>) {
    await sql`create table settings (key text primary key, value text not null)`.execute(db);
    await sql`
      create table class_session (
        id text primary key,
        code text not null unique,
        title text not null,
        seed text not null,
        scenario_id text not null,
        scenario_name text not null,
        scenario_hash text not null,
        scenario jsonb not null,
        seasons integer not null,
        practice boolean not null,
        scores_visible boolean not null default false,
        created_at timestamptz not null default now()
      )`.execute(db);
    await sql`
      create table team (
        id integer generated always as identity primary key,
        session_id text not null references class_session (id),
        name text not null,
        active boolean not null default true,
        created_at timestamptz not null default now()
      )`.execute(db);
    await sql`create unique index team_name on team (session_id, lower(name))`.execute(db);
    await sql`
      create table member (
        id integer generated always as identity primary key,
        session_id text not null references class_session (id),
        team_id integer not null references team (id),
        name text not null,
        token_hash text not null unique,
        active boolean not null default true,
        joined_at timestamptz not null default now()
      )`.execute(db);
    await sql`create index member_team on member (team_id)`.execute(db);
    await sql`
      create table season (
        session_id text not null references class_session (id),
        season integer not null,
        status text not null check (status in ('open', 'paused', 'closing', 'closed')),
        mode text not null check (mode in ('deadline', 'all-submitted')),
        deadline timestamptz,
        remaining_ms double precision,
        opened_at timestamptz not null default now(),
        closed_at timestamptz,
        primary key (session_id, season)
      )`.execute(db);
    await sql`create index season_open on season (status, deadline)`.execute(db);
    await sql`
      create table plan (
        session_id text not null references class_session (id),
        team_id integer not null references team (id),
        season integer not null,
        decisions jsonb not null,
        version integer not null,
        authors jsonb not null default '{}'::jsonb,
        edited_by integer references member (id),
        edited_paths jsonb,
        edited_at timestamptz,
        submitted_at timestamptz,
        submitted_by integer references member (id),
        submitted_version integer,
        reopened boolean not null default false,
        attempt integer not null default 0,
        primary key (session_id, team_id, season)
      )`.execute(db);
    await sql`
      create table result (
        session_id text not null references class_session (id),
        team_id integer not null references team (id),
        season integer not null,
        engine_version text not null,
        played text not null check (played in ('submitted', 'draft', 'neutral')),
        note text,
        decisions jsonb not null,
        hash text not null,
        score jsonb not null,
        final jsonb not null,
        report jsonb not null,
        created_at timestamptz not null default now(),
        primary key (session_id, team_id, season, engine_version)
      )`.execute(db);
  },
};

export const MIGRATIONS: Record<string, Migration> = { '0001_init': init };

const provider: MigrationProvider = { getMigrations: async () => MIGRATIONS };

/** Brings the schema up to date; a failure names the migration and stops the start. */
export async function migrate(db: Kysely<unknown>): Promise<void> {
  const { error, results } = await new Migrator({ db, provider }).migrateToLatest();
  if (error) {
    const failed = results?.find((r) => r.status === 'Error');
    throw new Error(`database migration ${failed?.migrationName ?? ''} failed: ${(error as Error).message ?? String(error)}`.replace(/\s+/g, ' '));
  }
}

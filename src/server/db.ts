import { join } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { Kysely, PostgresDialect, sql } from 'kysely';
import pg from 'pg';
import { lockDataDir } from './lock';
import { migrate } from './migrations';
import { Gate, PGliteDialect, pgliteSql } from './pglite-dialect';
import type { Database } from './schema';

// The class server's database: embedded PGlite in a data directory by default, a PostgreSQL server when a
// connection string is given. Both speak the same SQL and get the same migrations. Changes are announced on one
// notification channel (pg_notify), which PGlite delivers inside its process and PostgreSQL to every process.

export const CHANNEL = 'class_events';

/** What the job queue needs to reach the same database. */
export type QueueDb = { kind: 'pglite'; executeSql: (text: string, values?: unknown[]) => Promise<{ rows: unknown[] }> } | { kind: 'postgres'; connectionString: string };

export interface Store {
  kind: 'pglite' | 'postgres';
  db: Kysely<Database>;
  queue: QueueDb;
  /** Calls `on` with the payload of every notification on CHANNEL, from any process. */
  listen(on: (payload: string) => void): Promise<void>;
  close(): Promise<void>;
}

export interface StoreOptions {
  /** Data directory of the embedded database (ignored with a connection string). */
  dataDir: string;
  /** PostgreSQL connection string (DATABASE_URL). */
  databaseUrl?: string;
}

export async function openStore(options: StoreOptions): Promise<Store> {
  const store = options.databaseUrl ? await openPostgres(options.databaseUrl) : await openPglite(options.dataDir);
  try {
    await migrate(store.db as Kysely<unknown>);
  } catch (err) {
    await store.close();
    throw err;
  }
  return store;
}

async function openPglite(dataDir: string): Promise<Store> {
  const unlock = lockDataDir(dataDir);
  let pglite: PGlite;
  try {
    pglite = await PGlite.create(join(dataDir, 'pgdata'));
  } catch (err) {
    unlock();
    throw new Error(`${dataDir}: cannot open the embedded database (${(err as Error).message.split('\n')[0]})`);
  }
  const gate = new Gate();
  const db = new Kysely<Database>({ dialect: new PGliteDialect(pglite, gate) });
  const unlisten: (() => Promise<void>)[] = [];
  let closed = false;
  return {
    kind: 'pglite',
    db,
    queue: { kind: 'pglite', executeSql: (text, values = []) => gate.run(() => pgliteSql(pglite, text, values)) },
    async listen(on) {
      unlisten.push(await gate.run(() => pglite.listen(CHANNEL, on)));
    },
    async close() {
      if (closed) return;
      closed = true;
      for (const u of unlisten) await u().catch(() => undefined);
      await db.destroy();
      // Waits for whoever holds the session (a job's last write) before closing the files.
      await gate.run(() => pglite.close());
      unlock();
    },
  };
}

async function openPostgres(connectionString: string): Promise<Store> {
  const pool = new pg.Pool({ connectionString, max: 10 });
  pool.on('error', (err) => console.error(`database: ${err.message}`));
  try {
    await pool.query('select 1');
  } catch (err) {
    await pool.end();
    throw new Error(`DATABASE_URL: cannot connect (${(err as Error).message.split('\n')[0]})`);
  }
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
  const listeners: pg.Client[] = [];
  let closed = false;
  /** A dedicated connection for LISTEN; reconnects after a drop (notifications missed meanwhile are re-read on reconnect by clients). */
  const connect = async (on: (payload: string) => void): Promise<void> => {
    const client = new pg.Client({ connectionString });
    client.on('notification', (n) => {
      if (n.channel === CHANNEL && n.payload !== undefined) on(n.payload);
    });
    client.on('error', (err) => {
      console.error(`database notifications: ${err.message}`);
      const k = listeners.indexOf(client);
      if (k >= 0) listeners.splice(k, 1);
      client.end().catch(() => undefined);
      if (!closed) setTimeout(() => connect(on).catch((e: Error) => console.error(`database notifications: ${e.message}`)), 1000);
    });
    await client.connect();
    await client.query(`listen ${CHANNEL}`);
    listeners.push(client);
  };
  return {
    kind: 'postgres',
    db,
    queue: { kind: 'postgres', connectionString },
    listen: connect,
    async close() {
      if (closed) return;
      closed = true;
      for (const c of listeners.splice(0)) await c.end().catch(() => undefined);
      await db.destroy();
    },
  };
}

/** Announces a change to every server process; inside a transaction it is sent when (and only if) it commits. */
export async function notify(db: Kysely<Database>, event: object): Promise<void> {
  await sql`select pg_notify(${CHANNEL}, ${JSON.stringify(event)})`.execute(db);
}

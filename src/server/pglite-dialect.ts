import type { PGlite } from '@electric-sql/pglite';
import {
  CompiledQuery,
  PostgresAdapter,
  PostgresIntrospector,
  PostgresQueryCompiler,
  type DatabaseConnection,
  type Dialect,
  type Driver,
  type Kysely,
  type QueryResult,
} from 'kysely';

// Kysely over PGlite. PGlite is one PostgreSQL session: whoever holds it holds its transaction state too. So the
// session is lent to one user at a time (a single query, or a whole transaction from BEGIN to COMMIT) through
// `Gate`, and everything else that talks to this PGlite (the job queue, notifications) goes through the same gate.
// The SQL is PostgreSQL's, compiled by Kysely's own PostgreSQL compiler: the same text a real server runs.

/** First come, first served exclusive use of one PGlite session. */
export class Gate {
  private tail: Promise<void> = Promise.resolve();

  /** Waits for the session; the returned function hands it on (call it exactly once). */
  async acquire(): Promise<() => void> {
    let release!: () => void;
    const next = new Promise<void>((resolve) => (release = resolve));
    const before = this.tail;
    this.tail = before.then(() => next);
    await before;
    return release;
  }

  async run<T>(fn: () => Promise<T>): Promise<T> {
    const release = await this.acquire();
    try {
      return await fn();
    } finally {
      release();
    }
  }
}

/** One statement (with parameters) or, without parameters, a script of several; the last statement's rows. */
export async function pgliteSql(pg: PGlite, text: string, values: readonly unknown[]): Promise<{ rows: Record<string, unknown>[]; affectedRows?: number }> {
  try {
    if (values.length === 0) {
      const results = await pg.exec(text, { rowMode: 'object' });
      const last = results[results.length - 1];
      return { rows: (last?.rows ?? []) as Record<string, unknown>[], affectedRows: last?.affectedRows };
    }
    const r = await pg.query<Record<string, unknown>>(text, values as unknown[], { rowMode: 'object' });
    return { rows: r.rows, affectedRows: r.affectedRows };
  } catch (err) {
    // A script that opened a transaction and failed inside it would leave the one session aborted for everyone
    // after; the caller holds the gate, so the transaction is its own to roll back.
    if (pg.isInTransaction()) await pg.exec('rollback').catch(() => undefined);
    throw err;
  }
}

class PGliteConnection implements DatabaseConnection {
  constructor(private readonly pg: PGlite) {}

  async executeQuery<R>(query: CompiledQuery): Promise<QueryResult<R>> {
    const r = await this.pg.query<R>(query.sql, query.parameters as unknown[], { rowMode: 'object' });
    const kind = query.query.kind;
    const changes = kind === 'InsertQueryNode' || kind === 'UpdateQueryNode' || kind === 'DeleteQueryNode' || kind === 'MergeQueryNode';
    return { rows: r.rows, numAffectedRows: changes ? BigInt(r.affectedRows ?? 0) : undefined };
  }

  // eslint-disable-next-line require-yield
  async *streamQuery(): AsyncIterableIterator<QueryResult<never>> {
    throw new Error('streaming is not supported on PGlite');
  }
}

class PGliteDriver implements Driver {
  private readonly releases = new WeakMap<DatabaseConnection, () => void>();
  private readonly connection: PGliteConnection;

  constructor(private readonly pg: PGlite, private readonly gate: Gate) {
    this.connection = new PGliteConnection(pg);
  }

  async init(): Promise<void> {
    await this.pg.waitReady;
  }

  async acquireConnection(): Promise<DatabaseConnection> {
    const release = await this.gate.acquire();
    // The connection object is shared, but only one holder exists at a time: the gate is held until released.
    this.releases.set(this.connection, release);
    return this.connection;
  }

  async releaseConnection(connection: DatabaseConnection): Promise<void> {
    const release = this.releases.get(connection);
    this.releases.delete(connection);
    release?.();
  }

  async beginTransaction(connection: DatabaseConnection): Promise<void> {
    await connection.executeQuery(CompiledQuery.raw('begin'));
  }

  async commitTransaction(connection: DatabaseConnection): Promise<void> {
    await connection.executeQuery(CompiledQuery.raw('commit'));
  }

  async rollbackTransaction(connection: DatabaseConnection): Promise<void> {
    await connection.executeQuery(CompiledQuery.raw('rollback'));
  }

  async destroy(): Promise<void> {
    // The PGlite instance belongs to the caller (it also serves the job queue), who closes it.
  }
}

export class PGliteDialect implements Dialect {
  constructor(private readonly pg: PGlite, private readonly gate: Gate) {}
  createDriver(): Driver {
    return new PGliteDriver(this.pg, this.gate);
  }
  createQueryCompiler() {
    return new PostgresQueryCompiler();
  }
  createAdapter() {
    return new PostgresAdapter();
  }
  createIntrospector(db: Kysely<unknown>) {
    return new PostgresIntrospector(db);
  }
}

// Runs the class server's test suite (tests/server) against a real PostgreSQL. With DATABASE_URL set, that server
// is used as it is. Otherwise, as root, Debian's PostgreSQL is installed when missing, its cluster started, and a
// test user and database created; not root and no DATABASE_URL, the run stops with the commands to run (exit 2).
// `npm test` runs the same suite against the embedded database. `ensurePostgres` is also what
// `npm run bench:class -- --postgres` uses to get its database.
import { execSync, spawnSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const sh = (cmd) => execSync(cmd, { stdio: 'inherit' });
const quiet = (cmd) => spawnSync('sh', ['-c', cmd], { encoding: 'utf8' });
const psql = (sql) => quiet(`su postgres -c "psql -v ON_ERROR_STOP=1 -qAtc \\"${sql}\\""`);

/**
 * A PostgreSQL URL: DATABASE_URL when set; otherwise (as root) Debian's PostgreSQL installed and started, the user
 * `classtest` and the database `database` (owned by it) made when missing — dropped and made again first when
 * `fresh`. Not root and no DATABASE_URL: one line on stderr and exit code 2.
 */
export function ensurePostgres({ database = 'classtest', fresh = false } = {}) {
  if (process.env.DATABASE_URL) return process.env.DATABASE_URL;
  if (!(process.getuid && process.getuid() === 0)) {
    console.error(
      "error: PostgreSQL needs DATABASE_URL or root (to install and start Debian's postgresql); see docs/class-server.md, \"Tests\"",
    );
    process.exit(2);
  }
  if (!/^[a-z_]+$/.test(database)) throw new Error(`not a plain database name: ${database}`);
  if (!existsSync('/usr/lib/postgresql')) {
    console.log('Installing postgresql (apt-get)…');
    sh('apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql');
  }
  const version = readdirSync('/usr/lib/postgresql').sort().at(-1);
  // The package may not have created a cluster where no init system runs.
  if (quiet(`pg_lsclusters -h | grep -q '^${version} main'`).status !== 0) sh(`pg_createcluster ${version} main`);
  if (quiet(`pg_lsclusters -h | grep '^${version} main' | grep -q online`).status !== 0) sh(`pg_ctlcluster ${version} main start`);
  if (psql("select 1 from pg_roles where rolname = 'classtest'").stdout.trim() !== '1') {
    if (psql("create user classtest password 'classtest'").status !== 0) throw new Error('could not create the test user');
  }
  if (fresh && psql(`drop database if exists ${database} with (force)`).status !== 0) throw new Error(`could not drop the database ${database}`);
  if (psql(`select 1 from pg_database where datname = '${database}'`).stdout.trim() !== '1') {
    if (quiet(`su postgres -c "createdb -O classtest ${database}"`).status !== 0) throw new Error(`could not create the database ${database}`);
  }
  return `postgres://classtest:classtest@127.0.0.1:5432/${database}`;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const url = ensurePostgres();
  console.log('Class server tests against PostgreSQL…');
  const run = spawnSync('npx', ['vitest', 'run', 'tests/server'], { stdio: 'inherit', env: { ...process.env, DATABASE_URL: url } });
  process.exit(run.status ?? 1);
}

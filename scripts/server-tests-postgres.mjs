// Runs the class server's test suite (tests/server) against a real PostgreSQL. With DATABASE_URL set, that server
// is used as it is. Otherwise, as root, Debian's PostgreSQL is installed when missing, its cluster started, and a
// test user and database created; not root and no DATABASE_URL, the run stops with the commands to run (exit 2).
// `npm test` runs the same suite against the embedded database.
import { execSync, spawnSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';

const root = process.getuid && process.getuid() === 0;
const sh = (cmd) => execSync(cmd, { stdio: 'inherit' });
const quiet = (cmd) => spawnSync('sh', ['-c', cmd], { encoding: 'utf8' });

let url = process.env.DATABASE_URL;
if (!url) {
  if (!root) {
    console.error(
      'error: the PostgreSQL server tests need DATABASE_URL or root (to install and start Debian\'s postgresql); see docs/class-server.md, "Tests"',
    );
    process.exit(2);
  }
  if (!existsSync('/usr/lib/postgresql')) {
    console.log('Installing postgresql (apt-get)…');
    sh('apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql');
  }
  const version = readdirSync('/usr/lib/postgresql').sort().at(-1);
  // The package may not have created a cluster where no init system runs.
  if (quiet(`pg_lsclusters -h | grep -q '^${version} main'`).status !== 0) sh(`pg_createcluster ${version} main`);
  if (quiet(`pg_lsclusters -h | grep '^${version} main' | grep -q online`).status !== 0) sh(`pg_ctlcluster ${version} main start`);
  const psql = (sql) => quiet(`su postgres -c "psql -v ON_ERROR_STOP=1 -qAtc \\"${sql}\\""`);
  if (psql("select 1 from pg_roles where rolname = 'classtest'").stdout.trim() !== '1') {
    if (psql("create user classtest password 'classtest'").status !== 0) throw new Error('could not create the test user');
  }
  if (psql("select 1 from pg_database where datname = 'classtest'").stdout.trim() !== '1') {
    if (quiet('su postgres -c "createdb -O classtest classtest"').status !== 0) throw new Error('could not create the test database');
  }
  url = 'postgres://classtest:classtest@127.0.0.1:5432/classtest';
}
console.log('Class server tests against PostgreSQL…');
const run = spawnSync('npx', ['vitest', 'run', 'tests/server'], { stdio: 'inherit', env: { ...process.env, DATABASE_URL: url } });
process.exit(run.status ?? 1);

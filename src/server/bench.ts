import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import pg from 'pg';
import WebSocket from 'ws';
import { args } from '../cli/io';
import { fail, runCli } from '../cli/fail';

// npm run bench:class [-- --teams 60 --members 5 --edits 3 --seconds 20 --scenario bubble-tea.yaml] [--postgres]
// [--threads N: the servers' simulation threads, 0 to simulate on the event loop]
// A loopback load test of the class server as a classroom uses it: the server runs in its own process on a fresh
// embedded database — or, with --postgres, two server processes share one PostgreSQL (DATABASE_URL, else Debian's
// installed and started as the server tests do, on a fresh database) and the members are dealt between them
// alternately; 60 teams of 5 members join, each member opens a WebSocket and edits the team's draft (each
// member its own field, so every snapshot after an edit shows it; the edits are spread over --seconds), one member
// per team submits, and the teacher
// closes the season — the same path a passing deadline takes (which the server's clock notices within 250 ms).
// Measured: the time from the close to every client holding its team's report; the latency from a member's edit
// to each member of the team (sender included) seeing it (the server folds a burst of edits into one snapshot, so
// an edit overtaken by the next one of the same member is not counted); the server process's resident memory at
// the end (both processes together with --postgres); the longest live ping round trip while the season is
// simulated. With --postgres it also reads the job queue to show that each team's season was simulated once, and
// by which process. The last line printed is JSON.

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const FIELDS = ['acquisition.budget', 'staff.training', 'complaints.compensation', 'retention.atRiskOffer', 'information.securitySpend'];

interface Member {
  name: string;
  token: string;
  id: number;
  team: number;
  field: string;
  /** The server this member uses (HTTP and WebSocket). */
  base: string;
  ws: WebSocket;
  report: number | null;
}

const quantile = (xs: number[], q: number) => {
  const s = xs.slice().sort((a, b) => a - b);
  return s.length === 0 ? NaN : s[Math.min(s.length - 1, Math.floor(q * s.length))];
};
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

function rssMb(pid: number): number {
  const m = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
  return m ? Math.round(Number(m[1]) / 1024) : NaN;
}

async function main(): Promise<void> {
  const { values } = args({ teams: { type: 'string' }, members: { type: 'string' }, edits: { type: 'string' }, seconds: { type: 'string' }, scenario: { type: 'string' }, port: { type: 'string' }, postgres: { type: 'boolean' }, threads: { type: 'string' } });
  const int = (v: string | undefined, d: number, name: string, max: number) => {
    const n = v === undefined ? d : Number(v);
    if (!Number.isInteger(n) || n < 1 || n > max) fail(`--${name}: expected a whole number 1–${max}`);
    return n;
  };
  const teams = int(values.teams, 60, 'teams', 500);
  const perTeam = int(values.members, 5, 'members', FIELDS.length);
  const edits = int(values.edits, 3, 'edits', 50);
  const spread = int(values.seconds, 20, 'seconds', 600) * 1000;
  const port = int(values.port, 18000 + Math.floor(Math.random() * 1000), 'port', 65535);
  const scenario = values.scenario ?? 'bubble-tea.yaml';
  const postgres = values.postgres === true;
  const processes = postgres ? 2 : 1;
  const dir = mkdtempSync(join(tmpdir(), 'class-bench-'));
  let databaseUrl: string | undefined;
  if (postgres) {
    // The helper of the PostgreSQL server tests: DATABASE_URL as it is, else Debian's PostgreSQL, a fresh database.
    const helper = (await import(pathToFileURL(join(ROOT, 'scripts/server-tests-postgres.mjs')).href)) as { ensurePostgres: (o: { database: string; fresh: boolean }) => string };
    databaseUrl = helper.ensurePostgres({ database: 'classbench', fresh: true });
  }

  // Each server in its own process, so its memory is its own.
  const servers = Array.from({ length: processes }, (_, k) => {
    const env = { ...process.env };
    if (databaseUrl) env.DATABASE_URL = databaseUrl;
    else delete env.DATABASE_URL;
    const child = spawn(process.execPath, ['--import', 'tsx', join(ROOT, 'src/server/cli.ts'), '--host', '127.0.0.1', '--port', String(port + k), '--data', join(dir, String(k)), ...(values.threads === undefined ? [] : ['--threads', values.threads])], { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
    const server = { child, out: '', errors: '', base: `http://127.0.0.1:${port + k}` };
    child.stdout.on('data', (d) => (server.out += d));
    child.stderr.on('data', (d) => (server.errors += d));
    return server;
  });
  const said = () => servers.map((sv) => sv.errors.trim().split('\n').slice(-5).join(' | ')).join(' || ') || 'nothing';
  const stop = async () => {
    for (const sv of servers) if (sv.child.exitCode === null) sv.child.kill('SIGTERM');
    await Promise.all(servers.map((sv) => (sv.child.exitCode === null ? new Promise((r) => sv.child.once('exit', r)) : null)));
    rmSync(dir, { recursive: true, force: true });
  };
  let phase = 'starting the server';
  const watchdog = setInterval(() => {
    if (Date.now() - phaseAt > 180_000) {
      console.error(`stuck while ${phase} for 180 s; the servers said: ${said()}`);
      for (const sv of servers) sv.child.kill('SIGKILL');
      process.exit(1);
    }
  }, 1000);
  let phaseAt = Date.now();
  const step = (what: string) => {
    phase = what;
    phaseAt = Date.now();
  };
  try {
    const t0 = Date.now();
    while (!servers.every((sv) => /token=([\w-]+)/.test(sv.out))) {
      const dead = servers.find((sv) => sv.child.exitCode !== null);
      if (dead) throw new Error(`a server stopped: ${dead.errors.trim().split('\n')[0]}`);
      if (Date.now() - t0 > 120_000) throw new Error('the servers did not start in 120 s');
      await sleep(100);
    }
    const teacher = /token=([\w-]+)/.exec(servers[0].out)![1];
    // Every process of one database has the same teacher token.
    if (servers.some((sv) => /token=([\w-]+)/.exec(sv.out)![1] !== teacher)) throw new Error('the servers printed different teacher tokens');
    const base = servers[0].base;
    console.log(`${processes === 1 ? 'server' : `${processes} servers on one PostgreSQL`} started in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
    const api = async (method: string, path: string, body?: unknown, token = teacher, at = base) => {
      const r = await fetch(at + path, { method, headers: { authorization: `Bearer ${token}`, ...(body === undefined ? {} : { 'content-type': 'application/json' }) }, body: body === undefined ? undefined : JSON.stringify(body) });
      const json = (await r.json()) as any;
      if (!r.ok) throw new Error(`${method} ${path}: ${r.status} ${json.error}`);
      return json;
    };

    step('creating the session and joining');
    const created = await api('POST', '/api/teacher/sessions', { title: 'Load test', seed: 'bench', scenario: { file: scenario }, teams: Array.from({ length: teams }, (_, k) => `Team ${k + 1}`) });
    const sessionId: string = created.session.id;
    const code: string = created.session.code;
    const members: Member[] = [];
    for (const team of created.teams as { id: number }[]) {
      for (let k = 0; k < perTeam; k++) {
        // Members are dealt between the processes in turn, so every team has members on each.
        const at = servers[members.length % processes].base;
        const j = await api('POST', `/api/join/${code}`, { name: `m${members.length + 1}`, teamId: team.id }, teacher, at);
        members.push({ name: j.member.name, token: j.token, id: j.member.id, team: team.id, field: FIELDS[k], base: at, ws: null as unknown as WebSocket, report: null });
      }
    }
    await api('POST', `/api/teacher/sessions/${sessionId}/seasons/1/open`, { mode: 'deadline', minutes: 60 });

    step('connecting the clients');
    // Every member's connection; each snapshot of the draft tells which members' edits it shows.
    const sent = new Map<string, number>(); // `${member}:${value}` → send time
    const latencies: number[] = [];
    const seen = new Map<Member, Map<string, number>>(); // receiver → field → last value seen
    let reports = 0;
    const pongs = new Map<Member, () => void>();
    let allReports: () => void = () => undefined;
    const reportsIn = new Promise<void>((r) => (allReports = r));
    await Promise.all(
      members.map(
        (m) =>
          new Promise<void>((resolve, reject) => {
            const ws = new WebSocket(`${m.base.replace('http', 'ws')}/api/live`);
            m.ws = ws;
            seen.set(m, new Map());
            ws.on('open', () => ws.send(JSON.stringify({ type: 'hello', token: m.token })));
            ws.on('error', reject);
            ws.on('close', (code) => reject(new Error(`${m.name}: the connection closed (${code})`)));
            ws.on('message', (data) => {
              const msg = JSON.parse(data.toString());
              if (msg.type === 'welcome') resolve();
              else if (msg.type === 'pong') pongs.get(m)?.();
              else if (msg.type === 'error' && !m.report) reject(new Error(`${m.name}: ${msg.message}`));
              else if (msg.type === 'draft') {
                const now = Date.now();
                const mine = seen.get(m)!;
                for (const f of FIELDS.slice(0, perTeam)) {
                  const v = f.split('.').reduce((o: any, k) => o?.[k], msg.draft.decisions) as number;
                  if (mine.get(f) === v) continue;
                  mine.set(f, v);
                  const at = sent.get(`${m.team}:${f}:${v}`);
                  if (at !== undefined) latencies.push(now - at);
                }
              } else if (msg.type === 'report' && m.report === null) {
                m.report = Date.now();
                if (++reports === members.length) allReports();
              }
            });
          }),
      ),
    );
    console.log(`${members.length} clients connected`);

    step('editing');
    // The editing phase: every member changes its own field `edits` times, spread over a few seconds.
    await Promise.all(
      members.map(async (m, i) => {
        for (let k = 0; k < edits; k++) {
          await sleep(Math.floor(((i * 7919 + k * 104729) % spread) / edits));
          const value = 10 + k + 1;
          sent.set(`${m.team}:${m.field}:${value}`, Date.now());
          m.ws.send(JSON.stringify({ type: 'draft.set', season: 1, changes: [{ path: m.field, value }] }));
        }
      }),
    );
    // Every member must end up seeing every teammate's last value.
    const last = 10 + edits;
    const settled = () => members.every((m) => FIELDS.slice(0, perTeam).every((f) => seen.get(m)!.get(f) === last));
    const t1 = Date.now();
    while (!settled()) {
      if (Date.now() - t1 > 120_000) throw new Error('the last edits did not reach every member in 120 s');
      await sleep(50);
    }
    console.log(`${members.length * edits} edits; ${latencies.length} deliveries measured; settled ${((Date.now() - t1) / 1000).toFixed(1)} s after the last was sent`);

    step('submitting');
    // One member per team submits what the team drafted.
    for (const team of created.teams as { id: number }[]) {
      const m = members.find((x) => x.team === team.id)!;
      const state = await api('GET', '/api/team/state', undefined, m.token, m.base);
      await api('POST', '/api/team/submit', { season: 1, version: state.draft.version }, m.token, m.base);
    }

    step('closing the season');
    // One member of each process pings its server every 100 ms until every report is in: how long the live
    // channel waits while the seasons are simulated.
    let closing = true;
    const pings: number[] = [];
    const pingers = servers.map(async (sv) => {
      const m = members.find((x) => x.base === sv.base)!;
      while (closing) {
        const at = Date.now();
        // Answered, or given up on after 60 s (the close itself has a 300 s limit).
        await new Promise<void>((r) => {
          const giveUp = setTimeout(r, 60_000);
          pongs.set(m, () => (clearTimeout(giveUp), r()));
          m.ws.send(JSON.stringify({ type: 'ping' }));
        });
        pings.push(Date.now() - at);
        await sleep(100);
      }
    });
    const deadline = Date.now();
    await api('POST', `/api/teacher/sessions/${sessionId}/seasons/1/close`);
    // A timer cleared once the reports are in: nothing is left to keep the process alive, or to fail it later.
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`${reports} of ${members.length} clients had the report after 300 s`)), 300_000);
    });
    await Promise.race([reportsIn, timeout]).finally(() => clearTimeout(timer));
    closing = false;
    await Promise.all(pingers);
    const seconds = (Math.max(...members.map((m) => m.report as number)) - deadline) / 1000;
    const each = servers.map((sv) => rssMb(sv.child.pid as number));
    const rss = each.reduce((a, b) => a + b, 0);
    for (const m of members) m.ws.close();
    const pingMax = Math.max(...pings);
    let simulations: Record<string, unknown> = {};
    if (databaseUrl) simulations = await simulatedOnce(databaseUrl, sessionId, teams, servers.map((sv) => sv.child.pid as number));
    console.log(`deadline → every client has the report: ${seconds.toFixed(2)} s; edit latency p50 ${quantile(latencies, 0.5)} ms, p99 ${quantile(latencies, 0.99)} ms; live ping while simulating: max ${pingMax} ms over ${pings.length}; server RSS ${rss} MB${processes > 1 ? ` (${each.join(' + ')})` : ''}`);
    console.log(JSON.stringify({ teams, clients: members.length, deadlineToAllReportsSeconds: Number(seconds.toFixed(2)), p50Ms: quantile(latencies, 0.5), p99Ms: quantile(latencies, 0.99), serverRssMb: rss, processes, pingWhileSimulatingMaxMs: pingMax, ...simulations }));
  } finally {
    clearInterval(watchdog);
    await stop();
  }
}

/**
 * Reads the session's season jobs and results from PostgreSQL: every team's season must have been simulated
 * exactly once (one job that ran the engine, one result row), whichever process took it. Throws otherwise.
 */
async function simulatedOnce(url: string, sessionId: string, teams: number, pids: number[]): Promise<Record<string, unknown>> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    // Completed jobs stay in pgboss.job until archived (hours later); both tables are read all the same.
    const jobs = await client.query<{ team: number; pid: number | null; simulated: boolean | null; written: boolean | null }>(
      `select (data->>'teamId')::int as team, (output->>'pid')::int as pid, (output->>'simulated')::boolean as simulated, (output->>'written')::boolean as written
         from (select data, output, state from pgboss.job where name = 'simulate-season' union all select data, output, state from pgboss.archive where name = 'simulate-season') j
        where data->>'sessionId' = $1 and state = 'completed'`,
      [sessionId],
    );
    const results = await client.query<{ n: string; teams: string }>('select count(*) as n, count(distinct team_id) as teams from result where session_id = $1 and season = 1', [sessionId]);
    const ran = jobs.rows.filter((j) => j.simulated);
    const perTeam = new Map<number, number>();
    for (const j of ran) perTeam.set(j.team, (perTeam.get(j.team) ?? 0) + 1);
    const byProcess = pids.map((pid) => ran.filter((j) => j.pid === pid).length);
    console.log(`season 1: ${jobs.rows.length} jobs completed, the engine ran ${ran.length} times (process 1: ${byProcess[0]}, process 2: ${byProcess[1] ?? 0}), ${results.rows[0].n} results for ${results.rows[0].teams} teams`);
    if (Number(results.rows[0].n) !== teams || perTeam.size !== teams || [...perTeam.values()].some((n) => n !== 1) || ran.some((j) => !j.written)) {
      throw new Error(`each of ${teams} teams should have been simulated once; the queue says ${JSON.stringify([...perTeam])}`);
    }
    return { simulations: ran.length, simulationsByProcess: byProcess };
  } finally {
    await client.end();
  }
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) runCli(main);

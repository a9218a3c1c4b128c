import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import WebSocket from 'ws';
import { args } from '../cli/io';
import { fail, runCli } from '../cli/fail';

// npm run bench:class [-- --teams 60 --members 5 --edits 3 --seconds 20 --scenario bubble-tea.yaml]
// A loopback load test of the class server as a classroom uses it: the server runs in its own process on a fresh
// embedded database; 60 teams of 5 members join, each member opens a WebSocket and edits the team's draft (each
// member its own field, so every snapshot after an edit shows it; the edits are spread over --seconds), one member
// per team submits, and the teacher
// closes the season — the same path a passing deadline takes (which the server's clock notices within 250 ms).
// Measured: the time from the close to every client holding its team's report; the latency from a member's edit
// to each member of the team (sender included) seeing it (the server folds a burst of edits into one snapshot, so
// an edit overtaken by the next one of the same member is not counted); the server process's resident memory at
// the end. The last line printed is JSON.

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const FIELDS = ['acquisition.budget', 'staff.training', 'complaints.compensation', 'retention.atRiskOffer', 'information.securitySpend'];

interface Member {
  name: string;
  token: string;
  id: number;
  team: number;
  field: string;
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
  const { values } = args({ teams: { type: 'string' }, members: { type: 'string' }, edits: { type: 'string' }, seconds: { type: 'string' }, scenario: { type: 'string' }, port: { type: 'string' } });
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
  const dir = mkdtempSync(join(tmpdir(), 'class-bench-'));

  // The server in its own process, so its memory is its own.
  const child = spawn(process.execPath, ['--import', 'tsx', join(ROOT, 'src/server/cli.ts'), '--host', '127.0.0.1', '--port', String(port), '--data', dir], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  let errors = '';
  child.stdout.on('data', (d) => (out += d));
  child.stderr.on('data', (d) => (errors += d));
  const stop = async () => {
    child.kill('SIGTERM');
    await new Promise((r) => child.once('exit', r));
    rmSync(dir, { recursive: true, force: true });
  };
  let phase = 'starting the server';
  const watchdog = setInterval(() => {
    if (Date.now() - phaseAt > 180_000) {
      console.error(`stuck while ${phase} for 180 s; the server said: ${errors.trim().split('\n').slice(-5).join(' | ') || 'nothing'}`);
      child.kill('SIGKILL');
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
    while (!/token=([\w-]+)/.test(out)) {
      if (child.exitCode !== null) throw new Error(`the server stopped: ${errors.trim().split('\n')[0]}`);
      if (Date.now() - t0 > 120_000) throw new Error('the server did not start in 120 s');
      await sleep(100);
    }
    const teacher = /token=([\w-]+)/.exec(out)![1];
    const base = `http://127.0.0.1:${port}`;
    console.log(`server started in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
    const api = async (method: string, path: string, body?: unknown, token = teacher) => {
      const r = await fetch(base + path, { method, headers: { authorization: `Bearer ${token}`, ...(body === undefined ? {} : { 'content-type': 'application/json' }) }, body: body === undefined ? undefined : JSON.stringify(body) });
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
        const j = await api('POST', `/api/join/${code}`, { name: `m${members.length + 1}`, teamId: team.id });
        members.push({ name: j.member.name, token: j.token, id: j.member.id, team: team.id, field: FIELDS[k], ws: null as unknown as WebSocket, report: null });
      }
    }
    await api('POST', `/api/teacher/sessions/${sessionId}/seasons/1/open`, { mode: 'deadline', minutes: 60 });

    step('connecting the clients');
    // Every member's connection; each snapshot of the draft tells which members' edits it shows.
    const sent = new Map<string, number>(); // `${member}:${value}` → send time
    const latencies: number[] = [];
    const seen = new Map<Member, Map<string, number>>(); // receiver → field → last value seen
    let reports = 0;
    let allReports: () => void = () => undefined;
    const reportsIn = new Promise<void>((r) => (allReports = r));
    await Promise.all(
      members.map(
        (m) =>
          new Promise<void>((resolve, reject) => {
            const ws = new WebSocket(`${base.replace('http', 'ws')}/api/live`);
            m.ws = ws;
            seen.set(m, new Map());
            ws.on('open', () => ws.send(JSON.stringify({ type: 'hello', token: m.token })));
            ws.on('error', reject);
            ws.on('close', (code) => reject(new Error(`${m.name}: the connection closed (${code})`)));
            ws.on('message', (data) => {
              const msg = JSON.parse(data.toString());
              if (msg.type === 'welcome') resolve();
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
      const state = await api('GET', '/api/team/state', undefined, m.token);
      await api('POST', '/api/team/submit', { season: 1, version: state.draft.version }, m.token);
    }

    step('closing the season');
    const deadline = Date.now();
    await api('POST', `/api/teacher/sessions/${sessionId}/seasons/1/close`);
    const timeout = sleep(300_000).then(() => {
      throw new Error(`${reports} of ${members.length} clients had the report after 300 s`);
    });
    await Promise.race([reportsIn, timeout]);
    const seconds = (Math.max(...members.map((m) => m.report as number)) - deadline) / 1000;
    const rss = rssMb(child.pid as number);
    for (const m of members) m.ws.close();
    console.log(`deadline → every client has the report: ${seconds.toFixed(2)} s; edit latency p50 ${quantile(latencies, 0.5)} ms, p99 ${quantile(latencies, 0.99)} ms; server RSS ${rss} MB`);
    console.log(JSON.stringify({ teams, clients: members.length, deadlineToAllReportsSeconds: Number(seconds.toFixed(2)), p50Ms: quantile(latencies, 0.5), p99Ms: quantile(latencies, 0.99), serverRssMb: rss }));
  } finally {
    clearInterval(watchdog);
    await stop();
  }
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) runCli(main);

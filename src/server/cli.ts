import { networkInterfaces } from 'node:os';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import QRCode from 'qrcode';
import { args } from '../cli/io';
import { fail, runCli } from '../cli/fail';
import { ENGINE_VERSION } from '../sim';
import { createClassServer } from './app';
import { LockedError } from './lock';

// npm run class [-- --host H --port N --data DIR --threads N]
// Starts the class server: the built game and the class API on the LAN (0.0.0.0:8080 by default), data in an
// embedded database in DIR (./class-data), or in the PostgreSQL server of DATABASE_URL. Prints the teacher's link
// (with the teacher token), the students' link and its QR code. Bad arguments: one line and exit code 2.

const USAGE = 'usage: npm run class [-- --host H --port N --data DIR --threads N]';

/** The address other machines reach this one at: the first LAN IPv4 address when listening on all of them. */
function publicHost(host: string): string {
  if (host !== '0.0.0.0' && host !== '::') return host.includes(':') ? `[${host}]` : host;
  for (const list of Object.values(networkInterfaces())) {
    for (const a of list ?? []) if (a.family === 'IPv4' && !a.internal) return a.address;
  }
  return 'localhost';
}

export function parseClassArgs(): { host: string; port: number; dataDir: string; simThreads?: number } {
  const { values, positionals } = args({ host: { type: 'string' }, port: { type: 'string' }, data: { type: 'string' }, threads: { type: 'string' }, help: { type: 'boolean' } }, true);
  if (values.help) {
    console.log(USAGE);
    process.exit(0);
  }
  if (positionals.length > 0) fail(`unexpected argument "${positionals[0]}"; ${USAGE}`);
  const host = values.host ?? '0.0.0.0';
  if (!/^[A-Za-z0-9.:[\]-]{1,253}$/.test(host)) fail(`--host: expected a host name or IP address, found "${host}"`);
  const portText = values.port ?? '8080';
  const port = /^\d{1,5}$/.test(portText) ? Number(portText) : NaN;
  if (!(port >= 1 && port <= 65535)) fail(`--port: expected a port number 1–65535, found "${portText}"`);
  const data = values.data ?? 'class-data';
  if (data.trim() === '') fail('--data: expected a directory');
  let simThreads: number | undefined;
  if (values.threads !== undefined) {
    simThreads = /^\d{1,2}$/.test(values.threads) ? Number(values.threads) : NaN;
    if (!(simThreads >= 0 && simThreads <= 16)) fail(`--threads: expected 0–16 simulation threads (0: on the event loop), found "${values.threads}"`);
  }
  return { host, port, dataDir: resolve(data), simThreads };
}

async function main(): Promise<void> {
  const { host, port, dataDir, simThreads } = parseClassArgs();
  const databaseUrl = process.env.DATABASE_URL || undefined;
  if (databaseUrl && !/^postgres(ql)?:\/\//.test(databaseUrl)) fail('DATABASE_URL: expected postgres://user:password@host:port/database');
  const base = `http://${publicHost(host)}:${port}`;
  let server;
  try {
    server = await createClassServer({ dataDir, databaseUrl, publicUrl: base, simThreads, log: (line) => console.error(`${new Date().toISOString()} ${line}`) });
  } catch (err) {
    if (err instanceof LockedError) fail(err.message);
    throw err;
  }
  try {
    await server.listen(host, port);
  } catch (err) {
    await server.close();
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'EADDRINUSE') fail(`--port: port ${port} is in use on ${host}; choose another with --port`);
    if (code === 'EADDRNOTAVAIL' || code === 'ENOTFOUND') fail(`--host: cannot listen on ${host}`);
    throw err;
  }
  const students = `${base}/join`;
  const where = databaseUrl ? 'PostgreSQL (DATABASE_URL)' : `embedded database in ${dataDir}`;
  console.log(`Customer Seasons class server · 客户四季课堂 (engine ${ENGINE_VERSION}, ${where})`);
  console.log(`Teacher  教师: ${base}/teacher#token=${server.teacherToken}   (keep this link to yourself)`);
  console.log(`Students 学生: ${students}`);
  console.log(await QRCode.toString(students, { type: 'terminal', small: true }));
  const stop = () => {
    console.error('stopping…');
    server.close().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

if (process.argv[1] && fileURLToPath(import.meta.url) === resolve(process.argv[1])) runCli(main);


import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import fastifyStatic from '@fastify/static';
import fastifyWebsocket from '@fastify/websocket';
import Fastify, { type FastifyError, type FastifyInstance } from 'fastify';
import { teacherToken as loadTeacherToken } from './auth';
import { openStore, type Store } from './db';
import { badRequest, ClientError, notFound, oneLine } from './errors';
import { SeasonJobs } from './jobs';
import { DEFAULT_LIMITS, rateLimits, type Limits } from './limits';
import { Live, type ClassEvent } from './live';
import { publicRoutes } from './routes-public';
import { teacherRoutes } from './routes-teacher';
import { teamRoutes } from './routes-team';
import { closeDue } from './seasons';

// The class server put together: the database, the job queue, the live channel, the HTTP routes and the built
// game. `createClassServer` does not listen; `listen` does. Both the command line (cli.ts) and the tests build
// it here, so the tests run the server exactly as a classroom does.

export const BODY_LIMIT = 64 * 1024;
export const WS_MESSAGE_LIMIT = 64 * 1024;
/** How often deadlines are checked, and how often closing seasons are swept for jobs that were never enqueued. */
const CLOCK_MS = 250;
const SWEEP_MS = 2000;

const DIST = fileURLToPath(new URL('../../dist/', import.meta.url));

export interface ClassServerOptions {
  dataDir: string;
  databaseUrl?: string;
  /** The address students use, for links and QR codes ("http://192.168.1.5:8080"). */
  publicUrl?: string;
  /** Serve the built game from this directory when it holds an index.html (dist/ by default; null: never). */
  gameDir?: string | null;
  /** Run simulation jobs in this process (default true). */
  work?: boolean;
  /** Simulation threads (default: the cores but one, 1–4); 0 simulates on the event loop. */
  simThreads?: number;
  /** Rate limits (limits.ts), each defaulting to DEFAULT_LIMITS. */
  limits?: Partial<Limits>;
  log?: (line: string) => void;
}

export interface ClassServer {
  app: FastifyInstance;
  store: Store;
  jobs: SeasonJobs;
  live: Live;
  teacherToken: string;
  listen(host: string, port: number): Promise<string>;
  close(): Promise<void>;
}

export async function createClassServer(options: ClassServerOptions): Promise<ClassServer> {
  const log = options.log ?? ((line: string) => console.error(line));
  const store = await openStore({ dataDir: options.dataDir, databaseUrl: options.databaseUrl });
  const { db } = store;
  let jobs: SeasonJobs | null = null;
  let app: FastifyInstance | null = null;
  try {
    const token = await loadTeacherToken(db);
    jobs = new SeasonJobs(db, store.queue, { work: options.work, simThreads: options.simThreads, log });
    await jobs.start();
    const limits: Limits = { ...DEFAULT_LIMITS, ...options.limits };
    app = Fastify({ bodyLimit: BODY_LIMIT, logger: false, trustProxy: false });
    const guards = await rateLimits(app, limits, token);
    const live = new Live(db, token, log, limits, guards);
    const theJobs = jobs;
    await store.listen((payload) => {
      void live.onEvent(payload);
      let event: ClassEvent | null = null;
      try {
        event = JSON.parse(payload) as ClassEvent;
      } catch {
        // not one of ours
      }
      if (event?.kind === 'closing') theJobs.ensure(event.sessionId).catch((err: Error) => log(`jobs: ${oneLine(err.message)}`));
    });

    app.setErrorHandler((err: FastifyError, _req, reply) => {
      if (err instanceof ClientError) return reply.code(err.status).send(err.body());
      const status = err.statusCode ?? 500;
      if (status >= 400 && status < 500) {
        // Refused by fastify itself (body too large, unreadable JSON, …): its own line, as a code the pages know.
        const refused = status === 413 ? badRequest('body-too-large') : badRequest('bad-request', { detail: oneLine(err.message) });
        return reply.code(status).send(refused.body());
      }
      log(`error: ${oneLine(err.message)}`);
      return reply.code(500).send(new ClientError(500, 'internal-error').body());
    });
    app.setNotFoundHandler((_req, reply) => reply.code(404).send(notFound('no-such-route').body()));
    await app.register(fastifyWebsocket, { options: { maxPayload: WS_MESSAGE_LIMIT } });
    const publicUrl = () => options.publicUrl ?? 'http://localhost';
    publicRoutes(app, db, store.kind, publicUrl);
    teacherRoutes(app, db, token, log);
    teamRoutes(app, db);
    app.register(async (ws) => {
      ws.get('/api/live', { websocket: true }, (socket, req) => live.attach(socket, req));
    });
    const gameDir = options.gameDir === undefined ? DIST : options.gameDir;
    if (gameDir && existsSync(join(gameDir, 'index.html'))) serveGame(app, gameDir);

    // The clock: deadlines are checked in the database, so with several processes the first to look closes.
    let busy = false;
    let lastSweep = 0;
    const clock = setInterval(() => {
      if (busy) return;
      busy = true;
      const sweep = Date.now() - lastSweep >= SWEEP_MS;
      if (sweep) lastSweep = Date.now();
      closeDue(db)
        .then(() => (sweep ? theJobs.ensure() : 0))
        .catch((err: Error) => log(`clock: ${oneLine(err.message)}`))
        .finally(() => (busy = false));
    }, CLOCK_MS);

    const server = app;
    let closed = false;
    return {
      app: server,
      store,
      jobs: theJobs,
      live,
      teacherToken: token,
      async listen(host, port) {
        return server.listen({ host, port });
      },
      async close() {
        if (closed) return;
        closed = true;
        clearInterval(clock);
        while (busy) await new Promise((r) => setTimeout(r, 20));
        live.closeAll();
        await server.close();
        await theJobs.stop();
        await store.close();
      },
    };
  } catch (err) {
    await app?.close().catch(() => undefined);
    await jobs?.stop().catch(() => undefined);
    await store.close();
    throw err;
  }
}

/**
 * The built game at /, and its index page at the class pages' addresses (/teacher, /join, /room/CODE,
 * /room/CODE/screen) with <base href="/"> so its relative asset paths resolve from any of them; the page picks
 * the class view from location.pathname.
 */
function serveGame(app: FastifyInstance, dir: string): void {
  app.register(fastifyStatic, { root: dir, prefix: '/', wildcard: false, index: 'index.html' });
  const page = readFileSync(join(dir, 'index.html'), 'utf8').replace(/<head>/i, '<head><base href="/">');
  const send = async (_req: unknown, reply: { type: (t: string) => { send: (b: string) => unknown } }) => reply.type('text/html; charset=utf-8').send(page);
  app.get('/teacher', send);
  app.get('/join', send);
  app.get('/room/:code', send);
  app.get('/room/:code/screen', send);
}

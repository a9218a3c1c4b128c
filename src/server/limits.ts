import fastifyRateLimit from '@fastify/rate-limit';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { bearer, sameToken, tokenHash } from './auth';
import type { ErrorCode } from './error-codes';
import { tooManyRequests } from './errors';

// Rate limits of the class API (@fastify/rate-limit, counted in this process's memory). A whole class usually
// reaches the server from one address (the school's NAT), so ordinary requests are counted per token where they
// carry one — each student, each teacher tab — and per address only where they do not (joining, the projector,
// opening the live channel), with limits a full class fits in. What guessing needs is counted strictly per
// address: wrong teacher tokens, unknown join codes, unknown tokens in a live `hello`. Every refusal is
// `429 {"error":"…","code":"too-many-…","params":{"seconds":N}}` with a Retry-After header. Behind a load balancer every request comes from its address, so
// these limits then apply to the whole school at once (raise them, or limit at the balancer).

export interface Limits {
  /** API requests a minute for one member or teacher token (a student editing sends a few a second at most). */
  perToken: number;
  /** API requests a minute from one address without a token (a class joining, projectors, live connections). */
  perAddress: number;
  /** Every API request from one address, tokens or not, a minute: a made-up token per request gains nothing past it. */
  addressCeiling: number;
  /** `POST /api/join/:code` a minute from one address: a whole class joining at once fits. */
  joins: number;
  /** Requests with a wrong teacher token a minute from one address; past it, every teacher request is refused. */
  teacherFailures: number;
  /** Unknown join codes (404s of the join and projector routes) a minute from one address; past it, those routes are refused. */
  codeMisses: number;
  /** Live `hello`s with an unknown token a minute from one address (a class whose tokens are stale fits once). */
  helloFailures: number;
  /** Live channel: messages a second one connection may send on average, and the burst above that. */
  wsPerSecond: number;
  wsBurst: number;
}

export const DEFAULT_LIMITS: Limits = {
  perToken: 600,
  perAddress: 3000,
  addressCeiling: 30_000,
  joins: 400,
  teacherFailures: 20,
  codeMisses: 120,
  helloFailures: 400,
  wsPerSecond: 20,
  wsBurst: 60,
};

const MINUTE = 60_000;

/** Whole seconds until another try may pass (at least 1). */
export const seconds = (ms: number) => Math.max(1, Math.ceil(ms / 1000));
type TooMany = Extract<ErrorCode, `too-many-${string}`>;
const tooMany = (code: Exclude<TooMany, 'too-many-messages' | 'too-many-teams'>, ms: number) => tooManyRequests(code, { seconds: seconds(ms) });

/** A count of failures per address: `blocked` says whether the address has used them up for this minute. */
export interface FailureGuard {
  blocked(req: FastifyRequest): Promise<number | null>;
  fail(req: FastifyRequest): Promise<void>;
}

function failureGuard(app: FastifyInstance, max: number): FailureGuard {
  const limiter = app.createRateLimit({ max, timeWindow: MINUTE, keyGenerator: (req) => req.ip });
  return {
    /** Milliseconds until the address may try again, or null when it may now. */
    async blocked(req) {
      const r = await limiter(req, { increment: false });
      return !r.isAllowed && r.remaining === 0 ? Math.max(r.ttl, 1000) : null;
    },
    async fail(req) {
      await limiter(req);
    },
  };
}

const isApi = (url: string) => url.startsWith('/api/');
/** Routes that name a join code: an unknown one is a 404. */
const namesCode = (url: string) => /^\/api\/(join|screen)\//.test(url);

export interface LimitGuards {
  /** Unknown tokens in a live `hello`, per address. */
  hello: FailureGuard;
  /** Unknown join codes (also a projector's `hello`), per address. */
  codes: FailureGuard;
}

/** Registers the API's rate limits; call before the routes are added. */
export async function rateLimits(app: FastifyInstance, limits: Limits, teacherToken: string): Promise<LimitGuards> {
  await app.register(fastifyRateLimit, {
    global: true,
    hook: 'onRequest',
    timeWindow: MINUTE,
    // Per token where there is one (hashed: the limiter's memory never holds a token), per address otherwise.
    keyGenerator: (req) => {
      const token = bearer(req.headers.authorization);
      return token ? `token:${tokenHash(token)}` : `address:${req.ip}`;
    },
    max: (req) => (bearer(req.headers.authorization) ? limits.perToken : limits.perAddress),
    // The built game's files are not counted: a class loads them all at once from one address.
    allowList: (req) => !isApi(req.url),
    errorResponseBuilder: (_req, ctx) => tooMany('too-many-requests', ctx.ttl),
  });

  const ceiling = app.createRateLimit({ max: limits.addressCeiling, timeWindow: MINUTE, keyGenerator: (req) => req.ip });
  const joins = app.createRateLimit({ max: limits.joins, timeWindow: MINUTE, keyGenerator: (req) => req.ip });
  const teacher = failureGuard(app, limits.teacherFailures);
  const codes = failureGuard(app, limits.codeMisses);
  const hello = failureGuard(app, limits.helloFailures);

  app.addHook('onRequest', async (req, reply) => {
    if (!isApi(req.url)) return;
    const all = await ceiling(req);
    if (!all.isAllowed && all.isExceeded) {
      reply.header('retry-after', all.ttlInSeconds);
      throw tooMany('too-many-from-address', all.ttl);
    }
    if (req.url.startsWith('/api/teacher/')) {
      // Checked before the token is compared, so past the limit a guess learns nothing (the teacher waits too).
      const wait = await teacher.blocked(req);
      if (wait !== null) {
        reply.header('retry-after', Math.ceil(wait / 1000));
        throw tooMany('too-many-teacher-failures', wait);
      }
      const token = bearer(req.headers.authorization);
      if (token && !sameToken(token, teacherToken)) await teacher.fail(req);
    } else if (namesCode(req.url)) {
      const wait = await codes.blocked(req);
      if (wait !== null) {
        reply.header('retry-after', Math.ceil(wait / 1000));
        throw tooMany('too-many-unknown-codes', wait);
      }
      if (req.method === 'POST' && req.url.startsWith('/api/join/')) {
        const j = await joins(req);
        if (!j.isAllowed && j.isExceeded) {
          reply.header('retry-after', j.ttlInSeconds);
          throw tooMany('too-many-joins', j.ttl);
        }
      }
    }
  });
  app.addHook('onResponse', async (req, reply) => {
    // Misses are counted as they are answered (a burst sent at once may overshoot by the requests in flight).
    if (reply.statusCode === 404 && namesCode(req.url)) await codes.fail(req);
  });
  return { hello, codes };
}

/**
 * The live channel's per-connection limit: a token bucket of `burst` messages refilled at `perSecond`. A
 * message over the limit is dropped with an error; a connection that keeps sending past it (another burst's
 * worth dropped) is closed with 1008.
 */
export class MessageBucket {
  private tokens: number;
  private at = Date.now();
  private dropped = 0;

  constructor(private readonly perSecond: number, private readonly burst: number) {
    this.tokens = burst;
  }

  /** 'ok' to handle the message, 'drop' to refuse it, 'close' to end the connection. */
  take(now = Date.now()): 'ok' | 'drop' | 'close' {
    this.tokens = Math.min(this.burst, this.tokens + ((now - this.at) / 1000) * this.perSecond);
    this.at = now;
    if (this.tokens >= 1) {
      this.tokens -= 1;
      this.dropped = 0;
      return 'ok';
    }
    this.dropped++;
    return this.dropped > this.burst ? 'close' : 'drop';
  }
}

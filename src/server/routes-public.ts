import type { FastifyInstance } from 'fastify';
import type { Kysely } from 'kysely';
import QRCode from 'qrcode';
import { ENGINE_VERSION } from '../sim';
import { parseOr400 } from './errors';
import { Join, JoinCode } from './inputs';
import { join } from './roster';
import type { Database } from './schema';
import { joinInfo, screenView } from './state';
import { sessionByCode } from './sessions';

// Routes anyone on the network may call: joining a session by its code and the projector's read-only view.

export function publicRoutes(app: FastifyInstance, db: Kysely<Database>, storage: 'pglite' | 'postgres', baseUrl: () => string): void {
  app.get('/api/health', async () => ({ ok: true, engineVersion: ENGINE_VERSION, storage }));

  app.get<{ Params: { code: string } }>('/api/join/:code', async (req) => joinInfo(db, parseOr400(JoinCode, req.params.code, 'code')));

  app.post<{ Params: { code: string } }>('/api/join/:code', async (req, reply) => {
    const code = parseOr400(JoinCode, req.params.code, 'code');
    const body = parseOr400(Join, req.body);
    reply.code(201);
    return join(db, code, body);
  });

  app.get<{ Params: { code: string } }>('/api/screen/:code', async (req) => screenView(db, parseOr400(JoinCode, req.params.code, 'code')));

  app.get<{ Params: { code: string } }>('/api/screen/:code/qr.svg', async (req, reply) => {
    const session = await sessionByCode(db, parseOr400(JoinCode, req.params.code, 'code'));
    const svg = await QRCode.toString(`${baseUrl()}/room/${session.code}`, { type: 'svg', margin: 2 });
    reply.type('image/svg+xml');
    return svg;
  });
}

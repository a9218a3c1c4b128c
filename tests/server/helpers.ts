// Shared by the class server's tests: a server on a fresh embedded database in a temporary directory (or on the
// PostgreSQL of DATABASE_URL), requests through fastify's inject, and real WebSocket clients on a loopback port.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import WebSocket from 'ws';
import { createClassServer, type ClassServer, type ClassServerOptions } from '../../src/server/app';

export const DATABASE_URL = process.env.DATABASE_URL || undefined;

export function tempDir(prefix = 'class-server-'): { dir: string; remove: () => void } {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  return { dir, remove: () => rmSync(dir, { recursive: true, force: true }) };
}

export async function startServer(dataDir: string, listen = false, options: Partial<ClassServerOptions> = {}): Promise<ClassServer & { url: string; logs: string[] }> {
  const logs: string[] = [];
  const server = await createClassServer({ dataDir, databaseUrl: DATABASE_URL, gameDir: null, log: (l) => logs.push(l), ...options });
  const url = listen ? (await server.listen('127.0.0.1', 0)).replace(/\/$/, '') : '';
  return Object.assign(server, { url, logs });
}

export interface Reply<T = any> {
  status: number;
  body: T;
  text: string;
  headers: Record<string, unknown>;
}

export async function call<T = any>(server: ClassServer, method: 'GET' | 'POST' | 'PATCH', url: string, options: { token?: string; body?: unknown; raw?: string; contentType?: string } = {}): Promise<Reply<T>> {
  const headers: Record<string, string> = {};
  if (options.token) headers.authorization = `Bearer ${options.token}`;
  if (options.raw !== undefined) headers['content-type'] = options.contentType ?? 'application/json';
  const res = await server.app.inject({ method, url, headers, ...(options.raw !== undefined ? { payload: options.raw } : options.body !== undefined ? { payload: options.body as object } : {}) });
  let body: any = null;
  try {
    body = JSON.parse(res.body);
  } catch {
    body = null;
  }
  return { status: res.statusCode, body, text: res.body, headers: res.headers };
}

/** A WebSocket client that keeps every message and can wait for one that matches. */
export class Peer {
  readonly messages: any[] = [];
  private waiters: { test: (m: any) => boolean; resolve: (m: any) => void }[] = [];
  readonly ws: WebSocket;
  readonly opened: Promise<void>;
  readonly closed: Promise<number>;

  constructor(url: string) {
    this.ws = new WebSocket(`${url.replace(/^http/, 'ws')}/api/live`);
    this.opened = new Promise((resolve, reject) => {
      this.ws.once('open', () => resolve());
      this.ws.once('error', reject);
    });
    this.closed = new Promise((resolve) => this.ws.once('close', (code) => resolve(code)));
    this.ws.on('message', (data) => {
      const m = JSON.parse(data.toString());
      this.messages.push(m);
      this.waiters = this.waiters.filter((w) => {
        if (!w.test(m)) return true;
        w.resolve(m);
        return false;
      });
    });
  }

  send(message: unknown): void {
    this.ws.send(typeof message === 'string' ? message : JSON.stringify(message));
  }

  /** The first message (already received or to come) that matches. */
  next(test: (m: any) => boolean, timeoutMs = 20_000): Promise<any> {
    const seen = this.messages.find(test);
    if (seen) return Promise.resolve(seen);
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no matching message in ${timeoutMs} ms; got ${this.messages.map((m) => m.type).join(', ')}`)), timeoutMs);
      this.waiters.push({ test, resolve: (m) => (clearTimeout(timer), resolve(m)) });
    });
  }

  async hello(hello: object): Promise<any> {
    await this.opened;
    this.send({ type: 'hello', ...hello });
    return this.next((m) => m.type === 'welcome' || m.type === 'error');
  }

  close(): void {
    this.ws.close();
  }
}

// The class server's WebSocket (/api/live) as a page holds it: says hello on every (re)connection, so each
// welcome carries the whole current state and nothing depends on what a dropped connection had seen; reconnects
// after a drop with a growing pause (up to 10 s), and at once when the browser says it is online again. A
// connection the server refuses for good (unknown or deactivated token: 4401, 4403) is not retried.

export type LinkStatus = 'connecting' | 'online' | 'offline' | 'refused';

export interface LiveMessage {
  type: string;
  [key: string]: unknown;
}

const PING_MS = 20_000;
const MAX_PAUSE_MS = 10_000;

export class LiveLink {
  private ws: WebSocket | null = null;
  private stopped = false;
  private pause = 500;
  private retry: ReturnType<typeof setTimeout> | null = null;
  private ping: ReturnType<typeof setInterval> | null = null;
  private readonly online = () => this.reconnectNow();

  constructor(
    private readonly hello: Record<string, string>,
    private readonly onMessage: (m: LiveMessage) => void,
    private readonly onStatus: (s: LinkStatus, detail?: string) => void,
  ) {}

  start(): void {
    window.addEventListener('online', this.online);
    this.connect();
  }

  stop(): void {
    this.stopped = true;
    window.removeEventListener('online', this.online);
    if (this.retry) clearTimeout(this.retry);
    if (this.ping) clearInterval(this.ping);
    this.ws?.close(1000, 'page left');
    this.ws = null;
  }

  /** Sends a message if the connection is open; false otherwise (the caller keeps it for later). */
  send(message: object): boolean {
    if (this.ws?.readyState !== WebSocket.OPEN) return false;
    this.ws.send(JSON.stringify(message));
    return true;
  }

  private reconnectNow(): void {
    if (this.stopped || this.ws?.readyState === WebSocket.OPEN || this.ws?.readyState === WebSocket.CONNECTING) return;
    if (this.retry) clearTimeout(this.retry);
    this.pause = 500;
    this.connect();
  }

  private connect(): void {
    if (this.stopped) return;
    this.onStatus('connecting');
    const ws = new WebSocket(`${location.protocol === 'https:' ? 'wss' : 'ws'}://${location.host}/api/live`);
    this.ws = ws;
    ws.addEventListener('open', () => {
      ws.send(JSON.stringify({ type: 'hello', ...this.hello }));
      if (this.ping) clearInterval(this.ping);
      this.ping = setInterval(() => this.send({ type: 'ping' }), PING_MS);
    });
    ws.addEventListener('message', (e) => {
      let m: LiveMessage;
      try {
        m = JSON.parse(String(e.data)) as LiveMessage;
      } catch {
        return;
      }
      if (m.type === 'welcome') {
        this.pause = 500;
        this.onStatus('online');
      }
      this.onMessage(m);
    });
    ws.addEventListener('close', (e) => {
      if (this.ws !== ws) return;
      if (this.ping) clearInterval(this.ping);
      this.ws = null;
      if (this.stopped) return;
      if (e.code === 4401 || e.code === 4403) {
        this.onStatus('refused', e.reason);
        return;
      }
      this.onStatus('offline');
      this.retry = setTimeout(() => this.connect(), this.pause);
      this.pause = Math.min(MAX_PAUSE_MS, this.pause * 2);
    });
  }
}

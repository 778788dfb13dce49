/**
 * A small round-robin HTTP reverse proxy for running two or more instances of casusregie on one
 * machine: for the multi-instance test and for trying it out locally. Production uses nginx or
 * Caddy (docs/deployment.md); this proxy does the same few things on a small scale:
 *
 * - each request goes to the next instance in turn (no sticky sessions: sessions live in the
 *   database, so any instance serves any user);
 * - an instance that refuses a connection is skipped for `failTimeoutMs` and the request goes
 *   to the next one (like nginx's `max_fails`/`fail_timeout`). A request is sent again only
 *   when the instance cannot have acted on it: the connection was refused, or the method is
 *   safe to repeat (GET, HEAD, OPTIONS);
 * - with `healthPath` (the CLI uses `/api/v1/gereed`), every instance is asked every
 *   `healthIntervalMs` whether it is ready, and one that is not gets no requests;
 * - `X-Forwarded-For`, `-Proto` and `-Host` tell the app who asked (the app trusts them).
 *
 *   npx tsx deploy/proxy.ts --poort 8080 http://127.0.0.1:3001 http://127.0.0.1:3002
 */
import http from 'node:http';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';

export interface ProxyOptions {
  /** The instances, e.g. `http://127.0.0.1:3001`. */
  readonly upstreams: readonly string[];
  readonly port?: number;
  readonly host?: string;
  /** How long an instance that failed is skipped; default 10 s. */
  readonly failTimeoutMs?: number;
  /** A readiness path asked at every instance; without it only failed requests count. */
  readonly healthPath?: string;
  /** How often the readiness path is asked; default 5 s. */
  readonly healthIntervalMs?: number;
  /** Request bodies larger than this are refused (413); default 50 MB. */
  readonly maxBodyBytes?: number;
}

export interface RunningProxy {
  /** `http://host:port`, without a trailing slash. */
  readonly url: string;
  close(): Promise<void>;
}

/** Headers that belong to one connection, never forwarded (RFC 9110 section 7.6.1). */
const HOP_BY_HOP = new Set([
  'connection',
  'keep-alive',
  'proxy-authenticate',
  'proxy-authorization',
  'proxy-connection',
  'te',
  'trailer',
  'transfer-encoding',
  'upgrade',
]);
/** Errors that mean the instance never got the request. */
const NOT_CONNECTED = new Set(['ECONNREFUSED', 'EHOSTUNREACH', 'ENETUNREACH', 'EAI_AGAIN']);
const REPEATABLE = new Set(['GET', 'HEAD', 'OPTIONS']);

interface Upstream {
  readonly url: URL;
  downUntil: number;
}

function endToEnd(headers: http.IncomingHttpHeaders): http.OutgoingHttpHeaders {
  const out: http.OutgoingHttpHeaders = {};
  for (const [name, value] of Object.entries(headers))
    if (value !== undefined && !HOP_BY_HOP.has(name)) out[name] = value;
  return out;
}

function readBody(request: http.IncomingMessage, limit: number): Promise<Buffer | null> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    request.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size <= limit) chunks.push(chunk);
    });
    request.on('end', () => resolve(size > limit ? null : Buffer.concat(chunks)));
    request.on('error', reject);
  });
}

function errorBody(code: string, message: string): string {
  return JSON.stringify({ error: { code, message } });
}

export async function startProxy(options: ProxyOptions): Promise<RunningProxy> {
  if (options.upstreams.length === 0) throw new Error('proxy: give at least one instance');
  const upstreams: Upstream[] = options.upstreams.map((u) => ({ url: new URL(u), downUntil: 0 }));
  const failTimeoutMs = options.failTimeoutMs ?? 10_000;
  const maxBodyBytes = options.maxBodyBytes ?? 50 * 1024 * 1024;
  // A fresh connection per request: a pooled connection to a killed instance would fail only
  // after the request was written, when it may no longer be repeated.
  const agent = new http.Agent({ keepAlive: false });
  let next = 0;

  /** The instances in the order to try them: the next in turn first, the ones down last. */
  const order = (): Upstream[] => {
    const start = next;
    next = (next + 1) % upstreams.length;
    const turn = upstreams.map((_, i) => upstreams[(start + i) % upstreams.length] as Upstream);
    const now = Date.now();
    return [...turn.filter((u) => u.downUntil <= now), ...turn.filter((u) => u.downUntil > now)];
  };

  const forward = (
    upstream: Upstream,
    request: http.IncomingMessage,
    body: Buffer,
  ): Promise<http.IncomingMessage> =>
    new Promise((resolve, reject) => {
      const headers = endToEnd(request.headers);
      const client = request.socket.remoteAddress ?? '';
      const earlier = request.headers['x-forwarded-for'];
      headers['x-forwarded-for'] = earlier ? `${String(earlier)}, ${client}` : client;
      headers['x-forwarded-proto'] = request.headers['x-forwarded-proto'] ?? 'http';
      const host = request.headers['x-forwarded-host'] ?? request.headers.host;
      if (host) headers['x-forwarded-host'] = host;
      headers['content-length'] = String(body.length);
      const outgoing = http.request(
        upstream.url,
        { method: request.method, path: request.url, headers, agent },
        resolve,
      );
      outgoing.on('error', reject);
      outgoing.end(body);
    });

  const server = http.createServer((request, response) => {
    void (async () => {
      const body = await readBody(request, maxBodyBytes);
      if (body === null) {
        response.writeHead(413, { 'content-type': 'application/json' });
        response.end(errorBody('too-large', 'De invoer is te groot.'));
        return;
      }
      for (const upstream of order()) {
        let answer: http.IncomingMessage;
        try {
          answer = await forward(upstream, request, body);
        } catch (error) {
          upstream.downUntil = Date.now() + failTimeoutMs;
          const code = (error as NodeJS.ErrnoException).code ?? '';
          if (NOT_CONNECTED.has(code) || REPEATABLE.has(request.method ?? '')) continue;
          break;
        }
        response.writeHead(answer.statusCode ?? 502, endToEnd(answer.headers));
        answer.pipe(response);
        answer.on('error', () => response.destroy());
        return;
      }
      response.writeHead(502, { 'content-type': 'application/json' });
      response.end(errorBody('unavailable', 'Geen instantie van casusregie bereikbaar.'));
    })().catch(() => {
      if (!response.headersSent) response.writeHead(502);
      response.end();
    });
  });

  let healthTimer: NodeJS.Timeout | undefined;
  const healthPath = options.healthPath;
  if (healthPath) {
    const probe = (upstream: Upstream) =>
      new Promise<void>((resolve) => {
        const check = http.get(
          new URL(healthPath, upstream.url),
          { agent, timeout: 3_000 },
          (r) => {
            if ((r.statusCode ?? 500) >= 300) upstream.downUntil = Date.now() + failTimeoutMs;
            else upstream.downUntil = 0;
            r.resume();
            resolve();
          },
        );
        check.on('timeout', () => check.destroy(new Error('timeout')));
        check.on('error', () => {
          upstream.downUntil = Date.now() + failTimeoutMs;
          resolve();
        });
      });
    healthTimer = setInterval(() => {
      for (const upstream of upstreams) void probe(upstream);
    }, options.healthIntervalMs ?? 5_000);
    healthTimer.unref();
  }

  const host = options.host ?? '127.0.0.1';
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, host, () => resolve());
  });
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return {
    url: `http://${host}:${port}`,
    close: () =>
      new Promise<void>((resolve) => {
        clearInterval(healthTimer);
        server.closeAllConnections();
        server.close(() => resolve());
        agent.destroy();
      }),
  };
}

const isMain = process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href;
if (isMain) {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: {
      poort: { type: 'string', default: '8080' },
      host: { type: 'string', default: '127.0.0.1' },
    },
  });
  startProxy({
    upstreams: positionals,
    port: Number(values.poort),
    host: values.host,
    healthPath: '/api/v1/gereed',
  }).then(
    (proxy) => {
      process.stdout.write(`proxy op ${proxy.url} → ${positionals.join(', ')}\n`);
      const stop = () => void proxy.close().then(() => process.exit(0));
      process.once('SIGINT', stop);
      process.once('SIGTERM', stop);
    },
    (error: unknown) => {
      process.stderr.write(`proxy: ${error instanceof Error ? error.message : String(error)}\n`);
      process.exit(1);
    },
  );
}

import { existsSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import type { ApiErrorCode } from '../shared/api/errors.ts';
import { fail, type Envelope } from '../shared/api/envelope.ts';
import { CONTENT_SECURITY_POLICY } from '../shared/csp.ts';
import type { DeskApp } from '../core/app.ts';
import { readCookie, tokenCookieName, tokenMatches } from './accessToken.ts';
import { serveFile, serveStatic } from './staticFiles.ts';

/** Loopback only, by design: the headless desk is never reachable from another machine. */
export const HEADLESS_HOST = '127.0.0.1';
/** Largest request body accepted (a long release with its editor state fits many times over). */
export const MAX_BODY_BYTES = 16 * 1024 * 1024;
const HEARTBEAT_MS = 25_000;

export interface HeadlessServerOptions {
  app: DeskApp;
  /** The built renderer (out/renderer). */
  staticDir: string;
  /** This run's access token. */
  token: string;
  /** 0 picks a free port. */
  port: number;
}

export interface HeadlessServer {
  readonly port: number;
  /** The address to open: it carries the token, which the page then keeps in a cookie. */
  readonly url: string;
  close(): Promise<void>;
}

const STATUS_OF: Record<ApiErrorCode, number> = {
  invalid_input: 400,
  unknown_method: 404,
  not_found: 404,
  conflict: 409,
  refused: 422,
  unauthorized: 401,
  forbidden_sender: 403,
  storage: 500,
  internal: 500,
};

const SECURITY_HEADERS = {
  'Content-Security-Policy': CONTENT_SECURITY_POLICY,
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'X-Frame-Options': 'DENY',
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Resource-Policy': 'same-origin',
};

/**
 * The same app as the desktop, over HTTP on 127.0.0.1 (DESIGN.md, src/headless):
 *   GET  /?token=T        sets the token cookie, then redirects to the app without it;
 *   GET  /<file>          the built renderer;
 *   POST /api/<method>    a contract call: JSON in, the `{ok, value} | {ok: false, error}` envelope out;
 *   GET  /api/events      contract events as Server-Sent Events.
 * Every /api request needs the token (cookie, or `Authorization: Bearer T`); without it, 401.
 * Requests whose Host is not this loopback address (DNS rebinding) or whose Origin is
 * foreign (cross-site requests) are refused.
 */
export async function startHeadlessServer(options: HeadlessServerOptions): Promise<HeadlessServer> {
  const { app, staticDir, token } = options;
  let port = 0;
  const streams = new Set<ServerResponse>();

  const server: Server = createServer((req, res) => {
    for (const [name, value] of Object.entries(SECURITY_HEADERS)) res.setHeader(name, value);
    handle(req, res).catch((error: unknown) => {
      app.log.error('headless.request_failed', {
        message: error instanceof Error ? error.message : String(error),
      });
      if (!res.headersSent)
        sendEnvelope(res, fail({ code: 'internal', message: 'The request failed unexpectedly.' }));
      else res.destroy();
    });
  });

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const allowedHosts = [`${HEADLESS_HOST}:${port}`, `localhost:${port}`];
    if (!allowedHosts.includes(req.headers.host ?? '')) {
      res
        .writeHead(421, { 'Content-Type': 'text/plain; charset=utf-8' })
        .end('Misdirected request: unknown Host.\n');
      return;
    }
    const origin = req.headers.origin;
    if (origin !== undefined && !allowedHosts.some((h) => origin === `http://${h}`)) {
      sendEnvelope(
        res,
        fail({ code: 'unauthorized', message: 'Cross-origin requests are refused.' }),
        403,
      );
      return;
    }
    const url = new URL(req.url ?? '/', `http://${HEADLESS_HOST}:${port}`);
    const method = req.method ?? 'GET';

    if (url.pathname.startsWith('/api/')) {
      if (!authorized(req)) {
        sendEnvelope(
          res,
          fail({
            code: 'unauthorized',
            message:
              'This request has no valid access token. Open the address printed by `npm start` (it contains ?token=...).',
          }),
        );
        return;
      }
      if (url.pathname === '/api/events') {
        if (method !== 'GET') return methodNotAllowed(res, 'GET');
        openEventStream(req, res);
        return;
      }
      if (method !== 'POST') return methodNotAllowed(res, 'POST');
      await handleCall(decodeURIComponent(url.pathname.slice('/api/'.length)), req, res);
      return;
    }

    if (method !== 'GET' && method !== 'HEAD') return methodNotAllowed(res, 'GET, HEAD');
    const media = /^\/media\/([0-9a-f]{64})$/.exec(url.pathname);
    if (media) {
      // Library images are the office's material: same token as the API.
      if (!authorized(req)) {
        res.writeHead(401, { 'Content-Type': 'text/plain; charset=utf-8' }).end('Unauthorized.\n');
        return;
      }
      const file = app.media.fileOf(media[1] as string);
      if (file && (await serveFile(file.path, file.mimeType, method, res, true))) return;
      res
        .writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8' })
        .end('No such image in the library.\n');
      return;
    }
    const given = url.searchParams.get('token');
    if (given !== null) {
      if (!tokenMatches(token, given)) {
        res.writeHead(401, { 'Content-Type': 'text/plain; charset=utf-8' });
        res.end(
          '访问令牌无效。请使用终端中打印的地址打开。\nThe access token is wrong. Open the address printed in the terminal.\n',
        );
        return;
      }
      url.searchParams.delete('token');
      res.writeHead(303, {
        'Set-Cookie': `${tokenCookieName(port)}=${token}; HttpOnly; SameSite=Strict; Path=/`,
        Location: url.pathname + url.search,
      });
      res.end();
      return;
    }
    if (!existsSync(join(staticDir, 'index.html'))) {
      res.writeHead(503, { 'Content-Type': 'text/plain; charset=utf-8' });
      res.end(
        `The PressDesk UI is not built (no ${join(staticDir, 'index.html')}). Run: npm run build:web\n`,
      );
      return;
    }
    if (await serveStatic(staticDir, url.pathname, method, res)) return;
    res.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8' }).end('Not found.\n');
  }

  function authorized(req: IncomingMessage): boolean {
    const bearer = /^Bearer (.+)$/.exec(req.headers.authorization ?? '')?.[1];
    return (
      tokenMatches(token, bearer) ||
      tokenMatches(token, readCookie(req.headers.cookie, tokenCookieName(port)))
    );
  }

  async function handleCall(
    method: string,
    req: IncomingMessage,
    res: ServerResponse,
  ): Promise<void> {
    const type = (req.headers['content-type'] ?? '').split(';')[0]?.trim().toLowerCase();
    if (type !== 'application/json') {
      req.resume();
      sendEnvelope(
        res,
        fail({
          code: 'invalid_input',
          message: 'Send the input as JSON (Content-Type: application/json).',
        }),
        415,
      );
      return;
    }
    const body = await readBody(req, MAX_BODY_BYTES);
    if (body === 'too_large') {
      sendEnvelope(
        res,
        fail({
          code: 'invalid_input',
          message: `The request is larger than ${MAX_BODY_BYTES / 1024 / 1024} MB.`,
        }),
        413,
      );
      return;
    }
    let input: unknown;
    if (body.length === 0) input = {};
    else {
      try {
        input = JSON.parse(body.toString('utf8')) as unknown;
      } catch {
        sendEnvelope(
          res,
          fail({ code: 'invalid_input', message: 'The request body is not valid JSON.' }),
        );
        return;
      }
    }
    sendEnvelope(res, await app.call(method, input));
  }

  function openEventStream(req: IncomingMessage, res: ServerResponse): void {
    res.writeHead(200, {
      'Content-Type': 'text/event-stream; charset=utf-8',
      'Cache-Control': 'no-store',
      Connection: 'keep-alive',
    });
    res.write(': connected\n\n');
    streams.add(res);
    const unsubscribe = app.events.subscribe((event) =>
      res.write(`data: ${JSON.stringify(event)}\n\n`),
    );
    const heartbeat = setInterval(() => res.write(': heartbeat\n\n'), HEARTBEAT_MS);
    heartbeat.unref();
    req.on('close', () => {
      clearInterval(heartbeat);
      unsubscribe();
      streams.delete(res);
    });
  }

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, HEADLESS_HOST, () => {
      server.off('error', reject);
      resolve();
    });
  });
  port = (server.address() as AddressInfo).port;

  return {
    port,
    url: `http://${HEADLESS_HOST}:${port}/?token=${token}`,
    close: () =>
      new Promise<void>((resolve) => {
        for (const stream of streams) stream.end();
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

function sendEnvelope(res: ServerResponse, envelope: Envelope<unknown>, status?: number): void {
  const code = status ?? (envelope.ok ? 200 : STATUS_OF[envelope.error.code]);
  const body = JSON.stringify(envelope);
  res.writeHead(code, {
    'Content-Type': 'application/json; charset=utf-8',
    'Content-Length': Buffer.byteLength(body),
    'Cache-Control': 'no-store',
  });
  res.end(body);
}

function methodNotAllowed(res: ServerResponse, allow: string): void {
  res.setHeader('Allow', allow);
  sendEnvelope(
    res,
    fail({ code: 'invalid_input', message: `Method not allowed here; use ${allow}.` }),
    405,
  );
}

function readBody(req: IncomingMessage, limit: number): Promise<Buffer | 'too_large'> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let over = false;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) over = true;
      else chunks.push(chunk);
    });
    req.on('end', () => resolve(over ? 'too_large' : Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

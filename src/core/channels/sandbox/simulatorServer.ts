import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { ChannelId } from '../../../shared/content/channelId.ts';
import { FaultScript, type Fault } from './faultScript.ts';

/** A request as a simulator handler sees it: the whole body already read. */
export interface SimRequest {
  method: string;
  url: URL;
  headers: IncomingMessage['headers'];
  body: Buffer;
}

/** What a handler answers. `headers` may set content-type; JSON bodies are serialised here. */
export interface SimReply {
  status: number;
  headers?: Record<string, string>;
  json?: unknown;
  body?: string | Buffer;
}

/** One thing a sandbox channel received and did, for the "what did the channel get" view. */
export interface SimRecord {
  at: string;
  method: string;
  path: string;
  status: number;
  /** A short account of the effect (e.g. "post 12 created", "token refreshed"). */
  note: string;
}

export interface SimulatorHandler {
  /** Handles one request; returns the reply and a note of what it did (for the log). */
  handle(
    request: SimRequest,
  ): Promise<{ reply: SimReply; note?: string }> | { reply: SimReply; note?: string };
  /** Invalidates every token the channel issued (the `expire-token` fault). */
  expireTokens(): void;
}

export interface RunningSimulator {
  readonly channel: ChannelId;
  /** http://127.0.0.1:<port> */
  readonly url: string;
  readonly faults: FaultScript;
  /** The newest records last; at most the last 500. */
  records(): readonly SimRecord[];
  close(): Promise<void>;
}

const MAX_BODY_BYTES = 30 * 1024 * 1024;
const MAX_RECORDS = 500;

/**
 * Serves a channel simulator on 127.0.0.1 (never another interface), applying its fault script
 * before the handler. Bodies over 30 MB are refused with 413, like a real front server.
 */
export async function startSimulator(
  channel: ChannelId,
  handler: SimulatorHandler,
  options: { port?: number; now?: () => Date } = {},
): Promise<RunningSimulator> {
  const faults = new FaultScript();
  const log: SimRecord[] = [];
  const now = options.now ?? (() => new Date());
  const record = (request: SimRequest, status: number, note: string) => {
    log.push({
      at: now().toISOString(),
      method: request.method,
      path: request.url.pathname,
      status,
      note,
    });
    if (log.length > MAX_RECORDS) log.splice(0, log.length - MAX_RECORDS);
  };

  const server: Server = createServer((req, res) => {
    void serve(req, res);
  });

  async function serve(req: IncomingMessage, res: ServerResponse): Promise<void> {
    let body: Buffer;
    try {
      body = await readBody(req);
    } catch {
      res.writeHead(413, { 'content-type': 'application/json' }).end('{"error":"body too large"}');
      return;
    }
    const request: SimRequest = {
      method: req.method ?? 'GET',
      url: new URL(req.url ?? '/', 'http://127.0.0.1'),
      headers: req.headers,
      body,
    };
    const fault = faults.take(request.method, request.url.pathname);
    try {
      await answer(request, res, fault);
    } catch (error) {
      record(request, 500, `simulator error: ${String(error)}`);
      if (!res.headersSent) res.writeHead(500, { 'content-type': 'application/json' });
      res.end('{"error":"simulator failure"}');
    }
  }

  async function answer(request: SimRequest, res: ServerResponse, fault: Fault | undefined) {
    switch (fault?.kind) {
      case undefined:
        break;
      case 'delay':
        await new Promise((resolve) => setTimeout(resolve, fault.ms));
        break;
      case 'status':
        record(request, fault.status, `fault: status ${fault.status}`);
        res.writeHead(fault.status, { 'content-type': fault.contentType ?? 'application/json' });
        res.end(fault.body ?? '');
        return;
      case 'rate-limit':
        record(request, 429, 'fault: rate limited');
        res.writeHead(429, {
          'content-type': 'application/json',
          'retry-after': String(fault.retryAfterSeconds),
        });
        res.end('{"error":"Too many requests"}');
        return;
      case 'reset-before':
        record(request, 0, 'fault: connection reset before handling');
        res.socket?.destroy();
        return;
      case 'html-error': {
        const status = fault.status ?? 502;
        record(request, status, 'fault: HTML error page');
        res.writeHead(status, { 'content-type': 'text/html; charset=utf-8' });
        res.end(
          '<html><head><title>502 Bad Gateway</title></head><body><h1>502 Bad Gateway</h1></body></html>',
        );
        return;
      }
      case 'expire-token':
        handler.expireTokens();
        break;
      case 'reset-after-commit':
      case 'malformed-json':
      case 'truncate':
        break;
      default: {
        const never: never = fault;
        throw new Error(`unknown fault ${JSON.stringify(never)}`);
      }
    }
    const { reply, note } = await handler.handle(request);
    const payload =
      reply.json !== undefined
        ? Buffer.from(JSON.stringify(reply.json))
        : Buffer.from(reply.body ?? '');
    const headers = {
      ...(reply.json !== undefined ? { 'content-type': 'application/json; charset=utf-8' } : {}),
      ...reply.headers,
    };
    if (fault?.kind === 'reset-after-commit') {
      record(request, 0, `${note ?? ''} (fault: reset after commit)`.trim());
      res.socket?.destroy();
      return;
    }
    if (fault?.kind === 'malformed-json') {
      record(request, reply.status, `${note ?? ''} (fault: malformed JSON)`.trim());
      res.writeHead(reply.status, { 'content-type': 'application/json' });
      res.end('{"errcode": 0, "id": ');
      return;
    }
    if (fault?.kind === 'truncate') {
      record(request, reply.status, `${note ?? ''} (fault: truncated)`.trim());
      res.writeHead(reply.status, { ...headers, 'content-length': String(payload.length) });
      res.write(payload.subarray(0, Math.floor(payload.length / 2)));
      res.socket?.destroy();
      return;
    }
    record(request, reply.status, note ?? '');
    res.writeHead(reply.status, headers);
    res.end(payload);
  }

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  return {
    channel,
    url: `http://127.0.0.1:${port}`,
    faults,
    records: () => log.slice(),
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

function readBody(req: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY_BYTES) {
        reject(new Error('too large'));
        req.destroy();
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';

/** A real SMTP server and a local webhook receiver for the alert tests (issue 13). */
export interface Mail {
  from: string;
  to: string[];
  raw: string;
  subject: string;
  text: string;
}

/** Decodes the quoted-printable / base64 parts nodemailer writes, enough to read subject and bodies. */
export function decodeMail(raw: string): { subject: string; text: string } {
  const qp = (s: string): string => Buffer.from(s.replace(/=\r?\n/g, '').replace(/=([0-9A-F]{2})/g, (_m, h: string) => String.fromCharCode(parseInt(h, 16))), 'latin1').toString('utf8');
  const subjectLine = /^Subject: (.*(?:\r?\n[ \t].*)*)/m.exec(raw)?.[1] ?? '';
  const subject = subjectLine
    .replace(/\r?\n[ \t]/g, ' ')
    // Whitespace between two encoded words is not part of the text (RFC 2047 §6.2).
    .replace(/\?=\s+=\?/g, '?==?')
    .replace(/=\?utf-8\?Q\?(.*?)\?=/gi, (_m, s: string) => qp(s.replace(/_/g, ' ')))
    .replace(/=\?utf-8\?B\?(.*?)\?=/gi, (_m, s: string) => Buffer.from(s, 'base64').toString('utf8'));
  const parts = raw.split(/\r?\n--/).map((part) => {
    const [head, ...rest] = part.split(/\r?\n\r?\n/);
    const body = rest.join('\n\n');
    if (/Content-Transfer-Encoding: quoted-printable/i.test(head)) return qp(body);
    if (/Content-Transfer-Encoding: base64/i.test(head)) return Buffer.from(body.replace(/\s+/g, ''), 'base64').toString('utf8');
    return body;
  });
  return { subject, text: parts.join('\n') };
}

/**
 * A real SMTP server on `port` (0: any free one). It refuses the recipients in `reject` for good
 * (550), as a mail server does for an unknown mailbox.
 */
export async function startSmtp(opts: { port?: number; reject?: string[] } = {}): Promise<{ port: number; mails: Mail[]; close(): Promise<void> }> {
  const mails: Mail[] = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onRcptTo(address, _session, callback) {
      if (!opts.reject?.includes(address.address.toLowerCase())) return callback();
      callback(Object.assign(new Error(`5.1.1 <${address.address}>: mailbox unknown`), { responseCode: 550 }));
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('end', () => {
        const raw = Buffer.concat(chunks).toString('utf8');
        mails.push({ from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '', to: session.envelope.rcptTo.map((r) => r.address), raw, ...decodeMail(raw) });
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(opts.port ?? 0, '127.0.0.1', () => resolve()));
  const port = (server.server.address() as AddressInfo).port;
  return { port, mails, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}

export interface Hook {
  status: number;
  body: string;
  signature: string;
  delivery: string;
}

/** A local webhook receiver that answers `statuses` in turn (then 200). */
export async function startReceiver(statuses: number[] = []): Promise<{ url: string; calls: Hook[]; close(): Promise<void> }> {
  const calls: Hook[] = [];
  const server: Server = createServer((req: IncomingMessage, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const status = statuses[calls.length] ?? 200;
      calls.push({ status, body: Buffer.concat(chunks).toString('utf8'), signature: String(req.headers['x-wijksignaal-signature'] ?? ''), delivery: String(req.headers['x-wijksignaal-delivery'] ?? '') });
      res.writeHead(status).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/hook`, calls, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}


/**
 * A slow SMTP server: it answers the end of DATA only after `delayMs`, and accepts a message only
 * when the sender is still connected then (a sender killed mid-send leaves nothing accepted, as
 * with a real MTA). `accepted` holds the X-Wijksignaal-Delivery key of each accepted message.
 */
export async function startSlowSmtp(delayMs: number): Promise<{
  port: number;
  accepted: string[];
  receiving: number;
  delayMs: number;
  close(): Promise<void>;
}> {
  const closed = new Set<string>();
  const state = { port: 0, accepted: [] as string[], receiving: 0, delayMs, close: async () => undefined as void };
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onClose(session) {
      closed.add(session.id);
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('end', () => {
        state.receiving++;
        const key = /^X-Wijksignaal-Delivery:((?:.*)(?:\r?\n[ \t].*)*)/im.exec(Buffer.concat(chunks).toString('utf8'))?.[1]?.replace(/\s+/g, '') ?? '';
        setTimeout(() => {
          if (closed.has(session.id)) return;
          state.accepted.push(key);
          callback();
        }, state.delayMs);
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  state.port = (server.server.address() as AddressInfo).port;
  state.close = () => new Promise<void>((resolve) => server.close(() => resolve()));
  return state;
}

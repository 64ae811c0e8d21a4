import { createHash } from 'node:crypto';
import type { Readable } from 'node:stream';
import type { Request } from 'express';
import { InvalidInputError, PayloadTooLargeError } from '../common/errors';

/**
 * Streams an uploaded file from a request without buffering it: a `text/csv` (or any non-JSON)
 * body as is, or the field `file` of a multipart/form-data body (busboy). Counts the bytes
 * (over `limit` → 413) and hashes them (sha256 of the raw file bytes = the batch checksum).
 */
export interface UploadStream extends AsyncIterable<Uint8Array> {
  /** Available once the stream has been read to the end. */
  checksum(): string;
  bytes(): number;
  fileName: string | null;
}

/** Minimal typing of busboy 1.x (a dependency of multer; no @types installed). */
interface BusboyInstance extends NodeJS.WritableStream {
  on(event: 'file', cb: (name: string, stream: Readable, info: { filename: string; mimeType: string }) => void): this;
  on(event: 'error', cb: (err: Error) => void): this;
  on(event: 'finish' | 'close', cb: () => void): this;
}
type BusboyFactory = (config: { headers: Request['headers']; limits?: { files?: number; fileSize?: number } }) => BusboyInstance;
// eslint-disable-next-line @typescript-eslint/no-require-imports
const busboy = require('busboy') as BusboyFactory;

export function isMultipart(req: Request): boolean {
  return (req.headers['content-type'] ?? '').toLowerCase().startsWith('multipart/form-data');
}

export function isJson(req: Request): boolean {
  return (req.headers['content-type'] ?? '').toLowerCase().includes('json');
}

/** Answers 413 early when the declared length is over the limit (the rest is drained). */
function checkDeclaredLength(req: Request, limit: number): void {
  const declared = Number(req.headers['content-length'] ?? NaN);
  if (Number.isFinite(declared) && declared > limit) {
    req.resume(); // drain so that the client can read our answer
    throw tooLarge(limit);
  }
}

export function tooLarge(limit: number): PayloadTooLargeError {
  return new PayloadTooLargeError(`Request body is larger than the configured limit of ${limit} bytes (BODY_LIMIT)`);
}

/** The file of the request as a byte stream (CSV body or multipart field `file`). */
export async function uploadStream(req: Request, limit: number): Promise<UploadStream> {
  checkDeclaredLength(req, limit);
  let source: AsyncIterable<Uint8Array>;
  let fileName: string | null = null;
  if (isMultipart(req)) {
    const file = await multipartFile(req);
    source = file.stream.iterator({ destroyOnReturn: false }) as AsyncIterable<Uint8Array>;
    fileName = file.fileName;
  } else {
    // Not destroyed when the parser stops early (bad header, line too long): the controller then
    // drains the rest so that the client can read the answer on a healthy connection.
    source = req.iterator({ destroyOnReturn: false }) as AsyncIterable<Uint8Array>;
  }
  return counted(source, limit, fileName, () => req.resume());
}

/** The client closed the connection before the whole body arrived. */
export class UploadInterruptedError extends InvalidInputError {}

/** Node's "aborted" request, a reset socket, or busboy's cut-off multipart body. */
function isHangUp(e: unknown): boolean {
  const err = e as { code?: string; message?: string } | null;
  return !!err && (err.code === 'ECONNRESET' || err.code === 'ECONNABORTED' || err.message === 'aborted' || err.message === 'Unexpected end of form');
}

/** Wraps a byte source: counts, hashes, enforces the limit; a hang-up becomes UploadInterruptedError. */
export function counted(source: AsyncIterable<Uint8Array>, limit: number, fileName: string | null = null, onAbort?: () => void): UploadStream {
  const hash = createHash('sha256');
  let total = 0;
  let digest: string | null = null;
  return {
    fileName,
    checksum() {
      if (digest === null) digest = hash.digest('hex');
      return digest;
    },
    bytes: () => total,
    async *[Symbol.asyncIterator]() {
      try {
        for await (const chunk of source) {
          total += chunk.length;
          if (total > limit) {
            onAbort?.();
            throw tooLarge(limit);
          }
          hash.update(chunk);
          yield chunk;
        }
      } catch (e) {
        if (isHangUp(e)) throw new UploadInterruptedError(`the upload was interrupted after ${total} bytes: the connection closed before the end of the file; nothing was written`);
        throw e;
      }
    },
  };
}

async function multipartFile(req: Request): Promise<{ stream: Readable; fileName: string | null }> {
  return new Promise((resolve, reject) => {
    let bb: BusboyInstance;
    try {
      bb = busboy({ headers: req.headers, limits: { files: 1 } });
    } catch (e) {
      reject(new InvalidInputError(`Invalid multipart body: ${(e as Error).message}`));
      return;
    }
    let found = false;
    bb.on('file', (name, stream, info) => {
      // busboy emits "Unexpected end of form" on every open file stream when the closing boundary
      // never comes; without a listener that error would reach the process and end it. The reader
      // of the stream (async iterator) still receives it and answers 400 for this request only.
      stream.on('error', () => undefined);
      if (name !== 'file' || found) {
        stream.resume();
        return;
      }
      found = true;
      resolve({ stream, fileName: info.filename ?? null });
    });
    bb.on('error', (err) => reject(new InvalidInputError(`Invalid multipart body: ${err.message}`)));
    bb.on('close', () => {
      if (!found) reject(new InvalidInputError('The multipart body has no file field "file"', [{ field: 'file', message: 'missing' }]));
    });
    req.pipe(bb);
  });
}

/** Reads a whole upload (body or multipart field `file`) into bytes, bounded by `limit`, with its file name. */
export async function readUpload(req: Request, limit: number): Promise<{ bytes: Uint8Array; fileName: string | null }> {
  const up = await uploadStream(req, limit);
  const chunks: Uint8Array[] = [];
  for await (const c of up) chunks.push(c);
  return { bytes: Buffer.concat(chunks), fileName: up.fileName };
}

/** Reads a small upload (areas, units CSV) into text; still bounded by `limit`. */
export async function readUploadText(req: Request, limit: number): Promise<{ text: string; bytes: Uint8Array }> {
  const up = await uploadStream(req, limit);
  const chunks: Uint8Array[] = [];
  for await (const c of up) chunks.push(c);
  const bytes = Buffer.concat(chunks);
  return { text: bytes.toString('utf8'), bytes };
}

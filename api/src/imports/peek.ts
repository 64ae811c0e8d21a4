import type { UploadStream } from '../common/request-body';

/**
 * Reads the first `bytes` of an upload (for format detection) and gives back the same upload,
 * replaying the bytes already read before the rest of the stream: nothing is buffered beyond the
 * head, the checksum and byte count stay those of the whole file.
 */
export async function peekUpload(
  upload: UploadStream,
  bytes = 64 * 1024,
): Promise<{ head: Uint8Array; upload: UploadStream; release: () => Promise<void> }> {
  const it = upload[Symbol.asyncIterator]();
  const seen: Uint8Array[] = [];
  let size = 0;
  let done = false;
  while (size < bytes) {
    const r = await it.next();
    if (r.done) {
      done = true;
      break;
    }
    seen.push(r.value);
    size += r.value.length;
  }
  const head = Buffer.concat(seen).subarray(0, bytes);
  // Ends the underlying iteration when the replay is left early (or never read): the request's
  // iterator detaches from the request, so the rest of the body can be drained and the connection
  // stays usable for the client's next request.
  const release = async () => {
    if (done) return;
    done = true;
    await it.return?.();
  };
  const replay: UploadStream = {
    fileName: upload.fileName,
    checksum: () => upload.checksum(),
    bytes: () => upload.bytes(),
    async *[Symbol.asyncIterator]() {
      try {
        for (const c of seen) yield c;
        if (done) return;
        for (;;) {
          const r = await it.next();
          if (r.done) {
            done = true;
            return;
          }
          yield r.value;
        }
      } finally {
        await release();
      }
    },
  };
  return { head, upload: replay, release };
}

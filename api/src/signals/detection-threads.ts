import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import type { MunicipalityInput, MunicipalityResult } from './municipality-detection';

interface Task {
  id: number;
  input: MunicipalityInput;
  ok: (r: MunicipalityResult) => void;
  fail: (e: Error) => void;
}

/**
 * A small pool of worker threads that detect municipalities (issue 14): the statistics of one
 * municipality run off the main thread, so an instance reads the next municipality (and serves
 * requests) meanwhile and uses more than one core. Only from the built JavaScript (the worker file
 * must be `.js`); `create` answers null otherwise or with 0 threads, and jobs then run inline.
 */
export class DetectionThreads {
  private readonly idle: Worker[] = [];
  private readonly running = new Map<Worker, Task>();
  private readonly queue: Task[] = [];
  private next = 1;
  private closed = false;

  private constructor(private readonly file: string, size: number) {
    for (let i = 0; i < size; i++) this.idle.push(this.spawn());
  }

  static create(size: number): DetectionThreads | null {
    const file = join(__dirname, 'detection.worker.js');
    if (size <= 0 || !existsSync(file)) return null;
    return new DetectionThreads(file, size);
  }

  run(input: MunicipalityInput): Promise<MunicipalityResult> {
    if (this.closed) return Promise.reject(new Error('detection threads are closed'));
    return new Promise((ok, fail) => {
      this.queue.push({ id: this.next++, input, ok, fail });
      this.pump();
    });
  }

  async close(): Promise<void> {
    this.closed = true;
    for (const t of this.queue.splice(0)) t.fail(new Error('detection threads are closed'));
    await Promise.all([...this.idle.splice(0), ...this.running.keys()].map((w) => w.terminate()));
  }

  private spawn(): Worker {
    const w = new Worker(this.file);
    w.unref();
    w.on('message', (m: { id: number; result?: MunicipalityResult; error?: string }) => {
      const task = this.running.get(w);
      this.running.delete(w);
      this.idle.push(w);
      if (task) {
        if (m.error !== undefined) task.fail(new Error(m.error));
        else task.ok(m.result!);
      }
      this.pump();
    });
    w.on('error', (e) => {
      // A crashed thread: its task fails, a new thread takes its place.
      const task = this.running.get(w);
      this.running.delete(w);
      task?.fail(e);
      if (!this.closed) {
        this.idle.push(this.spawn());
        this.pump();
      }
    });
    return w;
  }

  private pump(): void {
    while (this.idle.length && this.queue.length) {
      const w = this.idle.pop()!;
      const task = this.queue.shift()!;
      this.running.set(w, task);
      w.postMessage({ id: task.id, input: task.input });
    }
  }
}

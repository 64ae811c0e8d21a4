import { randomUUID } from 'node:crypto';
import { hostname } from 'node:os';

/**
 * This process, as the owner of running work: `host:pid:boot`. The boot part tells a restarted
 * process (same host, same pid, e.g. pid 1 in a container) from the one that died.
 */
export interface Owner {
  host: string;
  pid: number;
  boot: string;
}

export const THIS_INSTANCE: Owner = { host: hostname(), pid: process.pid, boot: randomUUID().slice(0, 8) };

export function ownerId(o: Owner = THIS_INSTANCE): string {
  return `${o.host}:${o.pid}:${o.boot}`;
}

export function parseOwner(id: string): Owner | null {
  const m = /^(.*):(\d+):([0-9a-f]{8})$/.exec(id);
  return m ? { host: m[1], pid: Number(m[2]), boot: m[3] } : null;
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Whether the owner of running work is certainly gone: it ran on this host and its process no
 * longer exists (or this very pid belongs to a newer boot). Owners on other hosts are judged by
 * their heartbeat only.
 */
export function isDead(id: string, me: Owner = THIS_INSTANCE, isAlive: (pid: number) => boolean = alive): boolean {
  const o = parseOwner(id);
  if (!o || o.host !== me.host) return false;
  if (o.pid === me.pid) return o.boot !== me.boot;
  return !isAlive(o.pid);
}

import './run-messages';
import type { RunMessageKey } from './run-messages';

/** What started a run, as a message key and its parameters (never the raw trigger). */
export function runTrigger(trigger: string): { key: RunMessageKey; params?: Record<string, string | number> } {
  if (trigger === 'demo-data') return { key: 'run.trigger.demo' };
  const manual = /^manual:(.*)$/.exec(trigger);
  if (manual) return manual[1] ? { key: 'run.trigger.manual', params: { actor: manual[1] } } : { key: 'run.trigger.manualAnon' };
  // After imports (debounced into one run): "import:12,import:13,import:14,+2" = 5 imports.
  const parts = trigger.split(',');
  if (parts.length && parts.every((p) => /^import:./.test(p) || /^\+\d+$/.test(p))) {
    const count = parts.reduce((n, p) => n + (p.startsWith('+') ? Number(p.slice(1)) : 1), 0);
    return count === 1 ? { key: 'run.trigger.import' } : { key: 'run.trigger.imports', params: { count } };
  }
  return { key: 'run.trigger.other' };
}

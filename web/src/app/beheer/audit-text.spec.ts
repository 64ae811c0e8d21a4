import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { DICTIONARIES } from '../core/i18n/message-registry';
import './audit-messages';

/**
 * Every audit action the API writes has a name in Dutch and English (Beheer's log shows the name,
 * the code only as secondary text). The actions are read from the API's source: `action: '…'`
 * literals, plus the ones built at run time (cbs-sync.service.ts: `cbs-source.sync.${status}`).
 */
const API = join(__dirname, '../../../../api/src');
function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((f) => {
    const p = join(dir, f);
    if (statSync(p).isDirectory()) return sources(p);
    return f.endsWith('.ts') && !f.endsWith('.spec.ts') ? [p] : [];
  });
}
/** `action: 'each'` is a job's option (alerts), not an audit action. */
const NOT_ACTIONS = new Set(['each']);
const written = [
  ...new Set(sources(API).flatMap((f) => [...readFileSync(f, 'utf8').matchAll(/\baction:\s*'([a-zA-Z.-]+)'/g)].map((m) => m[1]!))),
].filter((a) => !NOT_ACTIONS.has(a));
const built = ['completed', 'duplicate', 'failed'].map((status) => `cbs-source.sync.${status}`);
const actions = [...written, ...built].sort();

describe('audit action names', () => {
  it('finds the actions in the API source', () => {
    expect(actions).toEqual(expect.arrayContaining(['auth.login', 'user.update', 'import.completed', 'subscription.update', 'signals.run']));
    expect(actions.length).toBeGreaterThan(30);
  });

  it.each(actions)('%s has a name in Dutch and English', (action) => {
    const key = `audit.act.${action}`;
    expect({ key, nl: typeof DICTIONARIES.nl[key] }).toEqual({ key, nl: 'string' });
    expect({ key, en: typeof DICTIONARIES.en[key] }).toEqual({ key, en: 'string' });
  });

  it('the built actions are the statuses a CBS sync can end in', () => {
    const sync = readFileSync(join(API, 'cbs-sync/cbs-sync.service.ts'), 'utf8');
    expect(sync).toContain('action: `cbs-source.sync.${result.status}`');
    for (const status of ['completed', 'duplicate', 'failed']) expect(sync).toContain(`'${status}'`);
  });
});

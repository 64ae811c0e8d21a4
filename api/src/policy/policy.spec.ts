import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import {
  AUDIENCES, CAPABILITIES, can, canTransition, mayMoveInto, mayTransition, POLICY, ROLES, rolesWith, SIGNAL_STATUSES, SIGNAL_TRANSITIONS,
  type Capability, type Role, type SignalStatus,
} from 'contracts';
import { isPrimary, isRestricted, minCountAllowed, minCountRange, seesSignalNumbers, signalFiguresFor, stripNumbers } from './disclosure';

/**
 * The policy as a table (issue 10 item 2): every role × every capability, written out. A change
 * to who may do what must change this table too, on purpose.
 */
const A = 'admin', N = 'analyst', M = 'manager'; // the council has no capability
const EXPECTED: Record<Capability, Role[]> = {
  'figures.explore': [A, N, M],
  'figures.seeSmall': [A, N],
  'signals.seeNumbers': [A, N, M],
  'signals.read': [A, N, M],
  'signals.transition': [A, N, M],
  'signals.assign': [A, N, M],
  'signals.own': [A, N, M],
  'signals.remindUnowned': [A, M],
  'signals.detect': [A, N],
  'meetings.read': [A, N, M],
  'meetings.plan': [A, N, M],
  'meetings.decide': [A, M],
  'imports.create': [A, N],
  'indicators.edit': [A, N],
  'annotations.create': [A, N],
  'users.manage': [A],
  'apiKeys.manage': [A],
  'audit.read': [A],
  'alerts.manage': [A],
  'scope.everywhere': [A],
};

describe('policy: roles × capabilities', () => {
  it.each(ROLES.flatMap((r) => CAPABILITIES.map((c) => [r, c] as const)))('%s / %s', (role, capability) => {
    expect(can(role, capability)).toBe(EXPECTED[capability].includes(role));
  });

  it('lists every capability in the table above, and no role without a row', () => {
    expect(Object.keys(EXPECTED).sort()).toEqual([...CAPABILITIES].sort());
    expect(Object.keys(POLICY).sort()).toEqual([...ROLES].sort());
    expect(rolesWith('users.manage')).toEqual(['admin']);
  });

  it('gives nobody anything without a role (systems with an API key, anonymous callers)', () => {
    for (const c of CAPABILITIES) {
      expect(can(null, c)).toBe(false);
      expect(can(undefined, c)).toBe(false);
    }
    expect(can('nobody' as Role, 'signals.read')).toBe(false);
  });

  it('names audiences that exist', () => {
    for (const r of Object.values(AUDIENCES)) expect(ROLES).toContain(r);
    expect(can(AUDIENCES.full, 'figures.seeSmall')).toBe(true);
    expect(can(AUDIENCES.councilSummary, 'figures.seeSmall')).toBe(false);
    expect(can(AUDIENCES.webhook, 'figures.seeSmall')).toBe(false);
  });

  it('orders ROLES most privileged first (OpenID Connect picks the first)', () => {
    const count = (r: Role) => CAPABILITIES.filter((c) => can(r, c)).length;
    for (let i = 1; i < ROLES.length; i++) expect(count(ROLES[i - 1])).toBeGreaterThanOrEqual(count(ROLES[i]));
  });
});

describe('policy: the signal lifecycle', () => {
  /** Who may move a signal into each status (as the API enforced it before the policy module). */
  const MOVES_INTO: Record<SignalStatus, Role[]> = {
    open: [],
    interpreted: [M, A],
    'on-agenda': [M, A],
    decided: [M, A],
    monitoring: [M, A],
    closed: [M, A],
    dismissed: [N, M, A],
  };

  it.each(ROLES.flatMap((r) => SIGNAL_STATUSES.map((s) => [r, s] as const)))('%s may move into %s as before', (role, to) => {
    expect(mayMoveInto(role, to)).toBe(MOVES_INTO[to].includes(role));
  });

  it('allows only the documented moves, and none out of a final status', () => {
    expect(canTransition('open', 'interpreted')).toBe(true);
    expect(canTransition('on-agenda', 'interpreted')).toBe(true);
    expect(canTransition('decided', 'dismissed')).toBe(false);
    expect(SIGNAL_TRANSITIONS.closed).toEqual([]);
    expect(SIGNAL_TRANSITIONS.dismissed).toEqual([]);
    expect(mayTransition('analyst', 'open', 'dismissed')).toBe(true);
    expect(mayTransition('analyst', 'open', 'interpreted')).toBe(false);
    expect(mayTransition('manager', 'decided', 'dismissed')).toBe(false);
    expect(mayTransition(null, 'open', 'dismissed')).toBe(false);
  });
});

describe('policy: small numbers', () => {
  it('restricts every role without figures.seeSmall, and systems', () => {
    expect(ROLES.filter(isRestricted)).toEqual(['manager', 'council']);
    expect(isRestricted(null)).toBe(true);
  });

  it('shows a signal in words only to roles without signals.seeNumbers', () => {
    expect(ROLES.filter((r) => !seesSignalNumbers(r))).toEqual(['council']);
    const f = { strength: { p: 0.01 }, evidence: { subject: 'WK01', value: 12, shown: '< 5', label: 'x' }, effect: { direction: 'better', persists: true, decidedAt: '2024-01-01', size: 3 } };
    expect(signalFiguresFor('manager', f)).toBe(f);
    expect(signalFiguresFor('council', f)).toEqual({ strength: {}, evidence: { subject: 'WK01', label: 'x' }, effect: { direction: 'better', persists: true, decidedAt: '2024-01-01' } });
    expect(stripNumbers({ a: 1, b: { c: '< 5', d: 'x' } })).toEqual({ b: { d: 'x' } });
  });

  it('allows an indicator minimum from the floor up to 1000, whole numbers only', () => {
    expect(minCountRange(5)).toEqual({ min: 5, max: 1000 });
    expect([4, 5, 10, 1000, 1001, 5.5, -1].map((v) => minCountAllowed(v, 5))).toEqual([false, true, true, true, false, false, false]);
    expect(minCountAllowed(0, 0)).toBe(true);
  });
});

/**
 * Adding a role touches the policy, a migration and the texts (ARCHITECTURE.md "A role"): no
 * other file may name a role. Allowed: the policy itself, the texts (a role's name in English is
 * its code), the demo accounts (one per role, data — a new role needs none), an example in a
 * settings message, specs and test helpers.
 */
describe('policy: no role names outside the policy', () => {
  const ROOT = join(__dirname, '..', '..', '..');
  const ALLOWED = new Set([
    'libs/contracts/src/policy.ts',
    'web/src/app/core/i18n/messages.ts',
    'api/src/users/users.service.ts',
    'api/src/users/demo-accounts.ts',
    'api/src/config/auth-config.ts',
  ]);
  const files = (dir: string): string[] =>
    readdirSync(dir).flatMap((name) => {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) return name === 'testing' || name === 'node_modules' ? [] : files(path);
      return /\.(ts|html)$/.test(name) && !name.endsWith('.spec.ts') ? [path] : [];
    });
  const ROLE_LITERAL = new RegExp(`(['"\`])(${ROLES.join('|')})\\1`);

  it('finds a role literal the way the rule means it (the check can fail)', () => {
    expect(ROLE_LITERAL.test(`if (role === 'council') return;`)).toBe(true);
    expect(ROLE_LITERAL.test(`[selected]="r === 'analyst'"`)).toBe(true);
    expect(ROLE_LITERAL.test(`'role.admin': 'beheerder'`)).toBe(false);
  });

  it('has none in api/src, web/src and libs/contracts except the policy', () => {
    const offenders = ['api/src', 'web/src', 'libs/contracts/src']
      .flatMap((d) => files(join(ROOT, d)))
      .map((p) => relative(ROOT, p).split(sep).join('/'))
      .filter((rel) => !ALLOWED.has(rel))
      .flatMap((rel) =>
        readFileSync(join(ROOT, rel), 'utf8')
          .split('\n')
          .flatMap((line, i) => (ROLE_LITERAL.test(line) ? [`${rel}:${i + 1}: ${line.trim()}`] : [])),
      );
    expect(offenders).toEqual([]);
  });

  it('uses every capability somewhere in the api or the web (none is dead)', () => {
    const text = ['api/src', 'web/src']
      .flatMap((d) => files(join(ROOT, d)))
      .map((p) => readFileSync(p, 'utf8'))
      .join('\n');
    expect(CAPABILITIES.filter((c) => !text.includes(`'${c}'`))).toEqual([]);
  });
});

describe('policy: the primary rule (one cell on its own)', () => {
  const cell = (numerator: number, denominator: number | null = 1000, extra: Partial<{ value: number; n: number }> = {}) => ({
    value: extra.value ?? null, numerator, denominator, n: extra.n ?? null,
  });
  it('hides small counts, proportions whose complement is small and means of few respondents', () => {
    expect(isPrimary(cell(3), 'rate', 5)).toBe(true);
    expect(isPrimary(cell(5), 'rate', 5)).toBe(false);
    expect(isPrimary(cell(97, 100), 'proportion', 5)).toBe(true);
    expect(isPrimary(cell(97, 100), 'rate', 5)).toBe(false);
    expect(isPrimary(cell(50, 100, { n: 4 }), 'mean', 5)).toBe(true);
    expect(isPrimary({ value: 4, numerator: null, denominator: null, n: null }, 'count', 5)).toBe(true);
    expect(isPrimary(cell(0), 'rate', 0)).toBe(false);
  });
});

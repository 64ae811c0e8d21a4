import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { DICTIONARIES, type Lang } from './message-registry';
import './messages';
import './messages-errors';
import { CATALOGUE_EN, CATALOGUE_NL } from '../../data/catalogue-messages';
// The Data page's catalogues: import lines, boundary files, CBS sync and column mappings answer there.
import '../../data/boundary-messages';
import '../../data/cbs-messages';
import '../../data/import-messages';

/**
 * Every message key the API can send (issue 15: "every server message reaching the UI in the user's
 * language") has a text in both languages. The keys are read from the API's source: every dotted
 * string literal (`'users.passwordPolicy'`, `code: 'paging.cursor'`, `errors.add(…, 'import.x')`,
 * `rule('…', 'cbs.table.invalid')`, `fileError('boundaries.file.empty', …)` …) counts as a message
 * key unless it is listed below as something else. A new key without a translation fails here, and
 * so does a new dotted literal that is no message until it is listed as such.
 */
const ROOT = join(__dirname, '../../../../..');
const API = join(ROOT, 'api/src');
function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((f) => {
    const p = join(dir, f);
    if (statSync(p).isDirectory()) return sources(p);
    return f.endsWith('.ts') && !f.endsWith('.spec.ts') ? [p] : [];
  });
}
/** Source without comments (a comment may quote a field path such as `name.nl`). */
const code = (file: string): string =>
  readFileSync(file, 'utf8')
    .replace(/\/\*[\s\S]*?\*\//g, '')
    .split('\n')
    .filter((l) => !l.trimStart().startsWith('//'))
    .join('\n');
const DOTTED = /['`]([a-z][A-Za-z]*(?:\.[A-Za-z][\w-]*)+)['`]/g;
/** The dotted literals that are other things than messages, with the files they are read from. */
const capabilities = new Set([...code(join(ROOT, 'libs/contracts/src/policy.ts')).matchAll(DOTTED)].map((m) => m[1]));
const settingKeys = new Set([...code(join(API, 'core/signals/settings.ts')).matchAll(DOTTED)].map((m) => m[1]));
const NOT_MESSAGES = new Set([
  // The format of a file that was recognised for sure: the Data page names the format, not the reason.
  'import.format.long', 'import.format.statline',
  // Alert kinds (the inbox's vocabulary) and the batch statuses.
  'signal.created', 'digest.daily', 'digest.weekly', 'digest.monthly', 'import.completed', 'import.failed',
  // body-parser error types, field paths, file names, property paths in SQL or code.
  'entity.parse.failed', 'entity.too.large', 'entity.verify.failed', 'filter.areas', 'name.nl', 'odata.nextLink', 'res.json',
  'scope.municipalities', 'index.html', 'detection.worker.js', 'brief.ts',
]);
/** `action: 'user.update'`: an audit action (shown through the audit log's vocabulary), not an answer. */
const AUDIT_ACTION = /\baction:\s*$/;
const keysByFile = new Map<string, string[]>();
for (const file of sources(API)) {
  const text = code(file);
  const found = [...text.matchAll(DOTTED)]
    .filter((m) => !AUDIT_ACTION.test(text.slice(Math.max(0, m.index - 20), m.index)))
    .map((m) => m[1])
    .filter((k) => !capabilities.has(k) && !settingKeys.has(k) && !NOT_MESSAGES.has(k));
  for (const k of found) keysByFile.set(k, [...(keysByFile.get(k) ?? []), relative(API, file)]);
}
const keys = [...keysByFile.keys()].sort();

/** What the app shows for a server code (core/http/api-error.ts `codeText`): `api.<code>`, else the section's own `<code>`. */
const text = (lang: Lang, key: string): string | undefined => DICTIONARIES[lang][`api.${key}`] ?? DICTIONARIES[lang][key];

describe('server message keys', () => {
  it('finds the keys of every kind of answer in the API source', () => {
    expect(keys).toEqual(
      expect.arrayContaining([
        'import.statline.noAreaCodes', 'import.notText.encoding', 'decision.deadlineBeforeMeeting', 'users.passwordPolicy', 'auth.invalidCredentials',
        'paging.cursor', 'cbs.table.invalid', 'cbs.sync.timeout', 'boundaries.file.empty', 'mapping.invalid', 'indicator.measure.locked',
        'scope.forbidden', 'apiKeys.notFound', 'audit.date', 'error.badJson', 'validation.failed', 'import.interrupted',
      ]),
    );
    expect(keys.length).toBeGreaterThan(150);
    // Capabilities and setting keys are recognised as such, not mistaken for messages.
    expect(keys).not.toContain('signals.own');
    expect(keys).not.toContain('severity.largeEffect');
    // the reasons of format detection (issue 16) and the upload form's period and source
    expect(keys).toEqual(expect.arrayContaining(['import.format.long-assumed', 'import.format.statline-assumed', 'import.periodConflict', 'import.sourceTooLong']));
  });

  it.each(keys)('%s is translated in Dutch and English', (key) => {
    const where = `${key} (sent from ${keysByFile.get(key)?.join(', ')})`;
    expect({ key: where, nl: typeof text('nl', key) }).toEqual({ key: where, nl: 'string' });
    expect({ key: where, en: typeof text('en', key) }).toEqual({ key: where, en: 'string' });
  });

  it('translates the keys the API builds at run time', () => {
    // decode.ts builds `import.notText.${kind}`, auth.service.ts `auth.session.${error}`: the literal scan cannot see these.
    const built = [
      ...['zip', 'xls', 'nul', 'binary', 'utf8'].map((kind) => `import.notText.${kind}`),
      ...['unknown', 'revoked', 'expired', 'reused', 'inactive'].map((error) => `auth.session.${error}`),
    ];
    for (const key of built) for (const lang of ['nl', 'en'] as const) expect({ key, lang, text: typeof text(lang, key) }).toEqual({ key, lang, text: 'string' });
  });
});

/**
 * The catalogue and column-mapping refusals (issue 16) are shown next to their field or column by
 * the Data page, from `code` + `params`: every key the indicator and mapping code sends has a text.
 */
const FIELD_SENT = /'((?:mapping|indicator)\.[A-Za-z][\w.-]*)'/g;
const fieldKeys = [
  ...new Set(['imports', 'indicators'].flatMap((d) => sources(join(API, d))).flatMap((f) => [...readFileSync(f, 'utf8').matchAll(FIELD_SENT)].map((m) => m[1]))),
].sort();

describe('catalogue and mapping message keys', () => {
  it('finds the keys in the API source', () => {
    expect(fieldKeys).toEqual(expect.arrayContaining(['indicator.minCount.range', 'indicator.per.invalid', 'mapping.measure', 'mapping.codeTaken']));
  });

  it.each(fieldKeys)('%s is translated in Dutch and English', (key) => {
    expect(CATALOGUE_NL[key as keyof typeof CATALOGUE_NL]).toEqual(expect.any(String));
    expect(CATALOGUE_EN[key as keyof typeof CATALOGUE_EN]).toEqual(expect.any(String));
  });
});

import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { CATALOGUE_EN, CATALOGUE_NL } from '../../data/catalogue-messages';
import { ERRORS_EN, ERRORS_NL } from './messages-errors';

/**
 * Every message key the import parsers and the decision validation send (issue 15: "every server
 * message reaching the UI in the user's language") has a text in both web catalogues. The keys are
 * read from the API's source, so a new `errors.add(…, 'import.x')` without a translation fails here.
 */
const API = join(__dirname, '../../../../../api/src');
function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((f) => {
    const p = join(dir, f);
    if (statSync(p).isDirectory()) return sources(p);
    return f.endsWith('.ts') && !f.endsWith('.spec.ts') ? [p] : [];
  });
}
const SENT = /'((?:import|decision)\.[A-Za-z][\w.-]*)'/g;
// Keys the API uses for other purposes than a message: the batch statuses. (The detected format's
// reasons, `import.format.*`, are shown as "Aangenomen formaat: …, omdat …": they need texts too.)
const NOT_ERRORS = new Set(['import.completed', 'import.failed']);
const keys = [
  ...new Set(
    ['parsing', 'imports', 'meetings'].flatMap((d) => sources(join(API, d))).flatMap((f) => [...readFileSync(f, 'utf8').matchAll(SENT)].map((m) => m[1])),
  ),
]
  .filter((k) => !NOT_ERRORS.has(k))
  .sort();

describe('server message keys', () => {
  it('finds the keys in the API source', () => {
    expect(keys).toEqual(expect.arrayContaining(['import.statline.noAreaCodes', 'import.notText.encoding', 'decision.deadlineBeforeMeeting']));
    // the reasons of format detection (issue 16) and the upload form's period and source
    expect(keys).toEqual(expect.arrayContaining(['import.format.long-assumed', 'import.format.statline-assumed', 'import.periodConflict', 'import.sourceTooLong']));
  });

  it.each(keys)('%s is translated in Dutch and English', (key) => {
    expect(ERRORS_NL[`api.${key}`]).toEqual(expect.any(String));
    expect(ERRORS_EN[`api.${key}`]).toEqual(expect.any(String));
  });

  it('translates the binary-file hints the decoder names by kind', () => {
    // decode.ts builds `import.notText.${kind}`: the literal scan above cannot see these.
    for (const kind of ['zip', 'xls', 'nul', 'binary', 'utf8']) expect(ERRORS_NL[`api.import.notText.${kind}`]).toBeDefined();
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

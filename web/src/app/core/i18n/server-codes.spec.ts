import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
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
// Keys the API uses for other purposes than an error: the detected format of a file that is fine,
// and the batch statuses.
const NOT_ERRORS = new Set(['import.format.long', 'import.format.statline', 'import.format.long-assumed', 'import.format.statline-assumed', 'import.completed', 'import.failed']);
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

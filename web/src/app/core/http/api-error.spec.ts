import { HttpErrorResponse } from '@angular/common/http';
import { TestBed } from '@angular/core/testing';
import { I18nService, registerMessages } from '../i18n/i18n.service';
import { apiMessage, codeText, issueText } from './api-error';

const err = (status: number, body: unknown) => new HttpErrorResponse({ status, error: body });

describe('server errors in the user’s language', () => {
  let i18n: I18nService;
  beforeEach(() => {
    localStorage.clear();
    i18n = TestBed.inject(I18nService);
    i18n.setLang('nl');
  });

  it('translates a known code with its params, in Dutch and in English', () => {
    const e = err(409, { statusCode: 409, message: 'A signal that is decided cannot move to open', code: 'signals.cannotMove', params: { from: 'on-agenda', to: 'open' } });
    expect(apiMessage(e)).toBe('Een signaal met status “geagendeerd” kan niet naar “open”.');
    i18n.setLang('en');
    expect(apiMessage(err(401, { statusCode: 401, message: 'E-mail address or password is incorrect', code: 'auth.invalidCredentials' }))).toBe('E-mail address or password is incorrect.');
  });

  it('never shows the server message: a code the app does not know reads as the status’s sentence', () => {
    expect(apiMessage(err(400, { statusCode: 400, message: 'limit must be at most 1000', code: 'paging.nonsense' }))).toBe('De invoer klopt niet.');
    expect(apiMessage(err(409, { statusCode: 409, message: 'Something English', code: 'brand.new' }))).toBe('Dit kan nu niet: de gegevens zijn intussen gewijzigd.');
    expect(apiMessage(err(404, { statusCode: 404, message: 'Unknown area GM9999' }))).toBe('Niet gevonden.');
    expect(apiMessage(err(418, { statusCode: 418, message: 'I am a teapot' }))).toBe('Dat is niet gelukt. Probeer het opnieuw; blijft het misgaan, neem dan contact op met de beheerder.');
    expect(apiMessage(err(400, 'plain English text from a proxy'))).toBe('De invoer klopt niet.');
    expect(apiMessage(new TypeError('x is undefined'))).toBe('Dat is niet gelukt. Probeer het opnieuw; blijft het misgaan, neem dan contact op met de beheerder.');
    expect(apiMessage(null)).toBeNull();
  });

  it('translates the field errors of a generic invalid answer, and says it generically when they have no key', () => {
    const coded = err(400, {
      statusCode: 400, message: 'deadline must be a date like 2025-09-14', code: 'error.invalid',
      errors: [{ field: 'deadline', message: 'must be a date like 2025-09-14', code: 'decision.date' }, { field: 'password', message: 'too short', code: 'users.passwordPolicy', params: { min: 12 } }],
    });
    expect(apiMessage(coded)).toBe('Vul een geldige datum in. Dit wachtwoord kan niet: gebruik minstens 12 tekens, geen veelgebruikt wachtwoord, niet uw e-mailadres en niet steeds hetzelfde teken.');
    const bare = err(400, { statusCode: 400, message: 'date: must be YYYY-MM-DD', code: 'error.invalid', errors: [{ field: 'date', message: 'must be YYYY-MM-DD' }] });
    expect(apiMessage(bare)).toBe('De invoer klopt niet.');
    i18n.setLang('en');
    expect(apiMessage(err(400, { statusCode: 400, message: 'cursor is not valid', code: 'paging.cursor' }))).toBe('This link to a next page is not valid (any more); start again at the first page.');
  });

  it('finds a key in a section’s own catalogue (the Data page’s CBS texts) and gives a line without a key a generic sentence', () => {
    registerMessages({ 'cbs.sync.http': 'het CBS antwoordde met foutcode {status}.' }, { 'cbs.sync.http': 'CBS answered with error code {status}.' });
    expect(codeText('cbs.sync.http', { status: 502 })).toBe('het CBS antwoordde met foutcode 502.');
    expect(issueText({ code: null })).toBe('Deze regel of dit veld klopt niet.');
    expect(issueText({ code: 'import.noRows' })).toBe('Het bestand heeft een kopregel maar geen gegevensregels.');
  });

  it('gives a sentence for a status without a JSON body (503, 429, network)', () => {
    expect(apiMessage(err(503, '<html>proxy</html>'))).toBe('De server is even niet bereikbaar; probeer het zo opnieuw.');
    expect(apiMessage(err(429, null))).toBe('Te veel verzoeken kort na elkaar; probeer het zo opnieuw.');
    expect(apiMessage(err(0, null))).toBe('De server is even niet bereikbaar; probeer het zo opnieuw.');
  });

  it('ignores params that are not text or numbers', () => {
    expect(codeText('meetings.cannotAdd', { status: { nested: true } })).toBe('Een signaal met status “{status}” kan niet op de agenda.');
    expect(codeText(undefined)).toBeNull();
  });
});

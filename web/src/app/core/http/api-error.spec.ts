import { HttpErrorResponse } from '@angular/common/http';
import { TestBed } from '@angular/core/testing';
import { I18nService } from '../i18n/i18n.service';
import { apiMessage, codeText } from './api-error';

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

  it('falls back to the server message for a code the app does not know', () => {
    expect(apiMessage(err(400, { statusCode: 400, message: 'limit must be at most 1000', code: 'paging.limit' }))).toBe('limit must be at most 1000');
  });

  it('keeps the server message when a generic invalid error lists its fields', () => {
    const e = err(400, { statusCode: 400, message: 'date: must be YYYY-MM-DD', code: 'error.invalid', errors: [{ field: 'date', message: 'must be YYYY-MM-DD' }] });
    expect(apiMessage(e)).toBe('date: must be YYYY-MM-DD');
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

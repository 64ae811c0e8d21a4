import type { Request, Response } from 'express';
import type { AuthConfig } from '../config/auth-config';

export const REFRESH_COOKIE = 'ws_refresh';
/** Only the auth routes ever receive the refresh cookie. */
export const REFRESH_COOKIE_PATH = '/api/v1/auth';

/** One cookie's value from the Cookie header, or null. */
export function readCookie(req: Request, name: string): string | null {
  const header = req.headers.cookie;
  if (!header) return null;
  for (const part of header.split(';')) {
    const eq = part.indexOf('=');
    if (eq < 0) continue;
    if (part.slice(0, eq).trim() === name) {
      try {
        return decodeURIComponent(part.slice(eq + 1).trim());
      } catch {
        return null;
      }
    }
  }
  return null;
}

function secure(req: Request, config: AuthConfig): boolean {
  return config.cookieSecure === 'auto' ? req.secure : config.cookieSecure;
}

/** httpOnly (no script reads it), SameSite=Strict (no other site sends it), Secure over TLS. */
export function setRefreshCookie(req: Request, res: Response, config: AuthConfig, token: string, maxAgeSeconds: number, path = REFRESH_COOKIE_PATH): void {
  res.cookie(REFRESH_COOKIE, token, { httpOnly: true, sameSite: 'strict', secure: secure(req, config), path, maxAge: maxAgeSeconds * 1000 });
  // No secret: only tells the web app that there is a session to renew (it cannot read the httpOnly cookie).
  res.cookie(SESSION_HINT_COOKIE, '1', { httpOnly: false, sameSite: 'strict', secure: secure(req, config), path: '/', maxAge: maxAgeSeconds * 1000 });
}

export const SESSION_HINT_COOKIE = 'ws_session';

export function clearRefreshCookie(req: Request, res: Response, config: AuthConfig): void {
  res.clearCookie(REFRESH_COOKIE, { httpOnly: true, sameSite: 'strict', secure: secure(req, config), path: REFRESH_COOKIE_PATH });
  res.clearCookie(SESSION_HINT_COOKIE, { sameSite: 'strict', secure: secure(req, config), path: '/' });
}

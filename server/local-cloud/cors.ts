/**
 * Cross-origin policy of the local cloud. It trusts the dev identity header from loopback clients, so a web
 * page the developer happens to open must not be able to send that header: with `*` and the header allowed,
 * any site could act as any demo user through the developer's browser.
 *
 * What needs no CORS at all: wx.request in WeChat DevTools (the simulator sends it from DevTools' own
 * process, as a native request, not a page fetch, so no preflight is made and no Origin is checked), curl,
 * and the tests. What does: a page served from this machine (an H5 build on http://localhost:…). So the
 * default allows loopback origins only; GRIDLINK_CORS_ORIGINS adds exact origins, comma-separated.
 */
import { DEV_OPENID_HEADER } from './identity';

const LOOPBACK_ORIGIN = /^http:\/\/(127\.\d{1,3}\.\d{1,3}\.\d{1,3}|localhost|\[::1\])(:\d{1,5})?$/;

/** Whether a browser page from `origin` may call the local cloud. */
export function originAllowed(origin: string, extra: readonly string[]): boolean {
  return LOOPBACK_ORIGIN.test(origin) || extra.includes(origin);
}

/** Headers for a reply to a request from `origin` (none when the request named no origin or a foreign one). */
export function corsHeaders(origin: string | undefined, extra: readonly string[]): Record<string, string> {
  if (!origin || !originAllowed(origin, extra)) return { vary: 'origin' };
  return { 'access-control-allow-origin': origin, vary: 'origin' };
}

/** The answer to a preflight from an allowed origin. */
export function preflightHeaders(origin: string): Record<string, string> {
  return {
    'access-control-allow-origin': origin,
    'access-control-allow-headers': `content-type, ${DEV_OPENID_HEADER}`,
    'access-control-allow-methods': 'GET, POST',
    'access-control-max-age': '600',
    vary: 'origin',
  };
}

/** Exact extra origins from GRIDLINK_CORS_ORIGINS (comma-separated); empty when unset. */
export function extraOrigins(value: string | undefined): string[] {
  return (value ?? '')
    .split(',')
    .map((origin) => origin.trim())
    .filter(Boolean);
}

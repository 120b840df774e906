/** The dev identity header is a local-cloud convenience only. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DEV_OPENID_HEADER, isLoopback } from '../../server/local-cloud/http';

describe('dev identity header', () => {
  test('is accepted only from loopback addresses', () => {
    expect(isLoopback('127.0.0.1')).toBe(true);
    expect(isLoopback('::1')).toBe(true);
    expect(isLoopback('::ffff:127.0.0.1')).toBe(true);
    expect(isLoopback('10.0.0.5')).toBe(false);
    expect(isLoopback('::ffff:192.168.1.2')).toBe(false);
    expect(isLoopback(undefined)).toBe(false);
  });

  test('is never read by the production runtime, which takes identity from the WeChat context alone', () => {
    const runtime = readFileSync(join(__dirname, '../../server/production/main.ts'), 'utf8');
    expect(runtime).not.toContain(DEV_OPENID_HEADER);
    expect(runtime).toMatch(/auth\(\)\.getUserInfo\(\)/);
  });
});

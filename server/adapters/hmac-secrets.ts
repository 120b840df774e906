/** Secrets from Node's crypto: the same in production and locally (both run on Node). */
import { createHmac, randomBytes, randomInt, timingSafeEqual } from 'node:crypto';
import type { Secrets } from '../core/ports/secrets';

const BASE32 = 'abcdefghijklmnopqrstuvwxyz234567';

export const hmacSecrets: Secrets = {
  newSecret: () => randomBytes(32).toString('base64url'),
  randomCode: (length) => Array.from({ length }, () => BASE32[randomInt(BASE32.length)]).join(''),
  sign: (secret, message, length) =>
    createHmac('sha256', secret).update(message).digest('base64url').slice(0, length),
  same(a, b) {
    const x = Buffer.from(a);
    const y = Buffer.from(b);
    return x.length === y.length && timingSafeEqual(x, y);
  },
};

/**
 * Secrets and signatures for codes people carry (household codes, invites). Outside the core because they
 * need real randomness and an HMAC; the core decides what is signed and when a signature holds.
 */
export interface Secrets {
  /** A new random secret (kept server-side, never returned to a client). */
  newSecret(): string;
  /** `length` random characters of the lowercase base-32 alphabet (a-z, 2-7): an unguessable short id. */
  randomCode(length: number): string;
  /** HMAC-SHA256 of `message` under `secret`, base64url, cut to `length` characters. */
  sign(secret: string, message: string, length: number): string;
  /** Compares two signatures in constant time. */
  same(a: string, b: string): boolean;
}

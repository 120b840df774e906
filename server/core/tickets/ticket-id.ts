/**
 * A ticket's id derived from its reporter and the client's request id, so that a retried submission lands on
 * the same id and the store's insert refuses a second ticket (idempotency without an extra document).
 */

/** cyrb53 (public domain): a fast 53-bit string hash, run with two seeds for ~106 bits. */
function cyrb53(text: string, seed: number): number {
  let h1 = 0xdeadbeef ^ seed;
  let h2 = 0x41c6ce57 ^ seed;
  for (let i = 0; i < text.length; i++) {
    const ch = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ ch, 2654435761);
    h2 = Math.imul(h2 ^ ch, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return 4294967296 * (2097151 & h2) + (h1 >>> 0);
}

/** tk_ + 22 base-36 characters, the same for the same reporter and request id. */
export function ticketIdFor(reporterUserId: string, clientRequestId: string): string {
  const key = `${reporterUserId}\u0000${clientRequestId}`;
  const part = (seed: number) => cyrb53(key, seed).toString(36).padStart(11, '0');
  return `tk_${part(1)}${part(2)}`;
}

/**
 * The scene a household code carries: "<code id>.<signature>", 27 characters (WeChat allows 32, of
 * [0-9a-zA-Z] and !#$&'()*+,/:;=?@-._~). The signature binds the code to its household under the community's
 * secret, so that neither a guessed id nor a copied signature on another id passes.
 */
import type { Secrets } from '../ports/secrets';

export const CODE_ID_LENGTH = 10;
const SIGNATURE_LENGTH = 16;
export const SCENE_MAX = 32;

const SCENE_SHAPE = new RegExp(`^([a-z2-7]{${CODE_ID_LENGTH}})\\.([A-Za-z0-9_-]{${SIGNATURE_LENGTH}})$`);

function message(codeId: string, householdId: string): string {
  return `household-code:${codeId}:${householdId}`;
}

export function sceneOf(secrets: Secrets, secret: string, codeId: string, householdId: string): string {
  return `${codeId}.${secrets.sign(secret, message(codeId, householdId), SIGNATURE_LENGTH)}`;
}

/** The code id and signature of a well-formed scene, or null. */
export function parseScene(scene: string): { codeId: string; signature: string } | null {
  const match = SCENE_SHAPE.exec(scene.trim());
  return match ? { codeId: match[1]!, signature: match[2]! } : null;
}

export function signatureHolds(
  secrets: Secrets,
  secret: string,
  parsed: { codeId: string; signature: string },
  householdId: string,
): boolean {
  const expected = secrets.sign(secret, message(parsed.codeId, householdId), SIGNATURE_LENGTH);
  return secrets.same(expected, parsed.signature);
}

/** The matrix's axes — roles, relations, one cell — apart from the rows, so the world can use them too. */
export const ROLES = [
  'anonymous',
  'stranger',
  'resident',
  'worker',
  'leader',
  'staff',
  'secretary',
  'otherStaff',
  'street',
] as const;
export type MatrixRole = (typeof ROLES)[number];

export const RELATIONS = ['own', 'sameMicroGrid', 'sameGrid', 'sameCommunity', 'otherCommunity'] as const;
export type MatrixRelation = (typeof RELATIONS)[number];

/** Every relation inside community A. */
export const IN_A: readonly MatrixRelation[] = ['own', 'sameMicroGrid', 'sameGrid', 'sameCommunity'];
/** Everywhere. */
export const ALL: readonly MatrixRelation[] = RELATIONS;

export interface Cell {
  role: MatrixRole;
  relation: MatrixRelation;
  /** The caller's openid; null for anonymous. */
  openid: string | null;
}

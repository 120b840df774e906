/**
 * An invite for a person who has never logged in (DESIGN §1: roles come from staff, by invite code or direct
 * grant). The code itself is never stored, only a keyed hash of it as the id: a database reader cannot claim
 * an invite, and a code is checked by recomputing its id.
 */
import type { MemberDuty } from '../grids/model';

export interface Invite {
  /** `inv_` + the hash of the code (invites.ts). */
  _id: string;
  communityId: string;
  name: string;
  phone: string | null;
  /** To the roster (a duty) or to a community role. */
  duty: MemberDuty | null;
  role: 'staff' | 'secretary' | null;
  gridId: string | null;
  microGridId: string | null;
  primary: boolean;
  createdAt: string;
  createdByUserId: string;
  claimedByUserId: string | null;
  claimedAt: string | null;
  revokedAt: string | null;
  version: number;
}

/**
 * A street office 街道: it owns communities and oversees them (DESIGN §1). Its codes are the first 9 digits of
 * the GB/T 30428.1 unit-grid code its communities' grids carry (6-digit administrative area + 3-digit street).
 */
export interface Street {
  _id: string;
  name: string;
  city: string;
  district: string;
  /** 6-digit administrative division code of the district (GB/T 2260), e.g. 620103 七里河区. */
  areaCode: string;
  /** 3-digit street code within the district. */
  streetCode: string;
  /**
   * The street office's officers: they see and set up every community of the street. Never empty: the last
   * one cannot be removed (office.ts), so a street always has someone to invite the next.
   */
  officerUserIds: string[];
  createdAt: string;
}

/**
 * An invite to a street office, for a person who has never logged in (or has, with another role): claimed
 * with its code through `user.claimInvite` / `user.login {inviteCode}` like a community invite, the same
 * kind of code (users/invite-code.ts). Kept apart from `invites`: a community invite always names its
 * community and a place (duty, grid, micro-grid) or role, which the roster and the ledger import query by;
 * a street invite has none of that and another scope, so one collection would make every reader of either
 * check which kind it holds. The claim looks a code up in `invites` first, then here (one read more, only
 * for street codes and unknown ones).
 */
export interface StreetInvite {
  /** `inv_` + the hash of the code, as a community invite's. */
  _id: string;
  streetId: string;
  name: string;
  phone: string | null;
  createdAt: string;
  createdByUserId: string;
  claimedByUserId: string | null;
  claimedAt: string | null;
  revokedAt: string | null;
  version: number;
}

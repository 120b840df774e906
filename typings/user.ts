/** The `user` cloud function: identity, roles, household codes 住户码 and binding, invites. */
import type { ActionDef, Id, IsoTime } from './common';

/**
 * Roles held in a community: resident 居民; worker 网格员; leader 网格长; staff 社区工作人员; secretary 书记
 * (the community's party secretary: receives 书记信箱 letters and top escalations).
 */
export type CommunityRole = 'resident' | 'worker' | 'leader' | 'staff' | 'secretary';

/**
 * Every role. street 街道工作人员: an officer of a street office 街道, which owns several communities; held
 * by being one of the street's officers (not a community grant), shown in `Me.streets`.
 */
export type Role = CommunityRole | 'street';

/** A role held in a scope: the community always; the grid for a leader; the micro-grid for a worker. */
export interface RoleGrant {
  role: CommunityRole;
  communityId: Id;
  gridId?: Id;
  microGridId?: Id;
}

export interface HouseholdSummary {
  householdId: Id;
  communityId: Id;
  gridId: Id;
  microGridId: Id;
  /** e.g. 文明村小区 3号楼 2单元 501 — shown to its own members only. */
  address: string;
}

/** A binding request waiting for the micro-grid worker, as its applicant sees it. */
export interface PendingBinding {
  requestId: Id;
  /** The claimed address with the room masked: 六四一三小区 2号楼 1单元 7**. */
  address: string;
  requestedAt: IsoTime;
}

/** The street role: the street office the user works in (as one of its officers). */
export interface StreetGrant {
  role: 'street';
  streetId: Id;
  /** 建兰路街道 */
  name: string;
}

/** Who am I: what the mini-program needs to adapt its home to the user's roles. */
export interface Me {
  userId: Id;
  name: string;
  roles: RoleGrant[];
  /** The street offices the user works in ([] for almost everyone). */
  streets: StreetGrant[];
  household: HouseholdSummary | null;
  /** A request to join a household that the micro-grid worker has not decided yet. */
  pendingBinding: PendingBinding | null;
  createdAt: IsoTime;
}

/**
 * A community's onboarding policy. singleUse: a household code binds one person, then is used up;
 * memberLimit: a household holds at most `memberLimit` bound members. approval: the micro-grid's worker
 * approves each binding.
 */
export type OnboardingMode = 'singleUse' | 'memberLimit';
export interface OnboardingPolicy {
  mode: OnboardingMode;
  memberLimit: number;
  approval: boolean;
}

/** A household code as staff see it: the scene printed in the code, never the household's id inside it. */
export interface HouseholdCodeView {
  codeId: Id;
  householdId: Id;
  address: string;
  /** What the mini-program code carries (≤ 32 characters): the code id and its signature. */
  scene: string;
  /** The code's image (PNG) in storage. */
  imageFileId: string;
  createdAt: IsoTime;
  revoked: boolean;
  /** People bound through it so far. */
  uses: number;
}

/** A building as the household-codes page lists it. */
export interface CodeBuildingView {
  buildingId: Id;
  /** 建兰花园 10号楼 */
  label: string;
  households: number;
  /** Households with a live code. */
  withCode: number;
}

/** What a resident sees after scanning, before binding: enough to recognise their home, no more. */
export interface HouseholdCodePreview {
  communityName: string;
  /** The address with the room masked. */
  address: string;
  approvalRequired: boolean;
}

export type BindOutcome = { status: 'bound'; me: Me } | { status: 'pending'; me: Me };

/** withdrawn: the applicant asked for another household before this one was decided. */
export type BindRequestStatus = 'pending' | 'approved' | 'denied' | 'withdrawn';

/** A binding request as the micro-grid worker sees it in their inbox. */
export interface BindRequestView {
  requestId: Id;
  status: BindRequestStatus;
  /** The full address: the worker knows their micro-grid's households. */
  address: string;
  applicant: { userId: Id; name: string };
  /** Members the household already has, by name: helps the worker recognise a stranger. */
  householdMembers: string[];
  requestedAt: IsoTime;
  decidedAt: IsoTime | null;
  reason: string | null;
}

/** A household of a building as staff pick it: its address and how many people are bound to it. */
export interface BuildingHouseholdView {
  householdId: Id;
  /** 建兰花园 10号楼 1单元 501 */
  address: string;
  unit: string;
  room: string;
  members: number;
}

/** A bound member of a household, for staff. */
export interface HouseholdMemberView {
  userId: Id;
  name: string;
  /** Masked: 138****5678. */
  phone: string | null;
}

/** A grid worker one may call (wx.makePhoneCall): name, role in words, phone (null when none is known). */
export interface WorkerContact {
  name: string;
  roleLabel: string;
  phone: string | null;
}

export type UserActions = {
  /**
   * Create or fetch the caller's user by the platform's openid. With an invite code, a person staff
   * invited claims their role on first login (or later: the code is single-use either way).
   */
  login: ActionDef<{ name?: string; inviteCode?: string }, Me>;
  me: ActionDef<Record<string, never>, Me>;
  /** Claims a role invite with its code (a user who logged in before being invited). */
  claimInvite: ActionDef<{ code: string }, Me>;
  /** Staff only, within their community. */
  grantRole: ActionDef<{ userId: Id; grant: RoleGrant }, Me>;
  revokeRole: ActionDef<{ userId: Id; grant: RoleGrant }, Me>;

  /** Staff: the community's onboarding policy. */
  onboardingPolicy: ActionDef<{ communityId: Id }, OnboardingPolicy>;
  setOnboardingPolicy: ActionDef<{ communityId: Id; policy: OnboardingPolicy }, OnboardingPolicy>;
  /** Staff: issues a code per household of a building, or for one household; a new code revokes the old. */
  issueHouseholdCodes: ActionDef<
    { communityId: Id; buildingId?: Id; householdId?: Id },
    { codes: HouseholdCodeView[] }
  >;
  /** Staff: the community's buildings with how many of their households have a live code. */
  householdBuildings: ActionDef<{ communityId: Id }, CodeBuildingView[]>;
  /** Staff: the live codes of a building's households. */
  householdCodes: ActionDef<{ communityId: Id; buildingId: Id }, { codes: HouseholdCodeView[] }>;
  revokeHouseholdCode: ActionDef<{ communityId: Id; codeId: Id }, HouseholdCodeView>;
  /** Staff: a printable PDF of a building's codes, one per household with its address (codes issued where missing). */
  householdCodeSheet: ActionDef<
    { communityId: Id; buildingId: Id },
    { fileId: string; fileName: string; households: number }
  >;

  /** A resident who scanned a code: which home it claims (room masked). */
  previewHouseholdCode: ActionDef<{ code: string }, HouseholdCodePreview>;
  /**
   * A resident binds to a household with its code (a raw household id is refused): bound at once, or a
   * pending request for the micro-grid's worker where the community's policy asks for approval.
   */
  bindHousehold: ActionDef<
    {
      code?: string;
      /** Refused with HOUSEHOLD.RAW_ID_REFUSED: kept so that an old client gets a stable answer. */
      householdId?: Id;
    },
    BindOutcome
  >;
  /** Workers (their micro-grids), leaders (their grid), staff (their community): pending requests first. */
  bindRequests: ActionDef<{ status?: BindRequestStatus }, BindRequestView[]>;
  approveBindRequest: ActionDef<{ requestId: Id }, BindRequestView>;
  denyBindRequest: ActionDef<{ requestId: Id; reason?: string }, BindRequestView>;

  /** Staff: a building's households by unit and room, with how many people each has bound. */
  buildingHouseholds: ActionDef<{ communityId: Id; buildingId: Id }, BuildingHouseholdView[]>;
  /** Staff: a household's bound members. */
  householdMembers: ActionDef<{ communityId: Id; householdId: Id }, HouseholdMemberView[]>;
  /** Staff: unbinds a member from a household (they are told). */
  removeHouseholdMember: ActionDef<{ communityId: Id; householdId: Id; userId: Id }, HouseholdMemberView[]>;
  /**
   * Staff bind (or re-home) a user to a household of their community: only a user of their own community
   * or of none yet.
   */
  bindUser: ActionDef<{ userId: Id; householdId: Id }, HouseholdMemberView[]>;

  /** 联系网格员: the worker of the caller's own household's micro-grid; null when bound to none. */
  myGridWorker: ActionDef<Record<string, never>, WorkerContact | null>;
};

/**
 * Joining a household with proof (DESIGN §1): staff print a household code 住户码 for it; a resident scans
 * it and, where the community wants it, the micro-grid's worker approves. The community's secret signs the
 * codes and never leaves the server.
 */
import type { BindRequestStatus, OnboardingPolicy } from '../../../typings/user';

/** One per community (_id = communityId): the signing secret and the policy. Never returned to a client. */
export interface OnboardingSettings {
  _id: string;
  secret: string;
  policy: OnboardingPolicy;
  createdAt: string;
  updatedAt: string;
}

/**
 * A household code. Its id is random (it says nothing of the household); the scene printed in the code is
 * the id and an HMAC of the id and the household under the community's secret.
 */
export interface HouseholdCode {
  _id: string;
  communityId: string;
  householdId: string;
  buildingId: string;
  imageFileId: string;
  createdAt: string;
  createdByUserId: string;
  revokedAt: string | null;
  /** People bound through this code. */
  uses: number;
  version: number;
}

/** A resident's request to join a household, waiting for the micro-grid's worker. */
export interface BindRequest {
  _id: string;
  communityId: string;
  gridId: string;
  microGridId: string;
  householdId: string;
  codeId: string;
  userId: string;
  status: BindRequestStatus;
  requestedAt: string;
  decidedAt: string | null;
  decidedByUserId: string | null;
  reason: string | null;
  version: number;
}

export const DEFAULT_POLICY: OnboardingPolicy = { mode: 'memberLimit', memberLimit: 6, approval: true };

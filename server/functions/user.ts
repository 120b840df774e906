/** The `user` cloud function: log in, who am I, roles, household codes and binding, invites. */
import * as z from 'zod/mini';
import type { UserActions } from '../../typings/user';
import { bindHousehold, previewHouseholdCode } from '../core/households/bind';
import {
  householdBuildings,
  householdCodes,
  issueHouseholdCodes,
  onboardingPolicy,
  revokeHouseholdCode,
  setOnboardingPolicy,
} from '../core/households/codes';
import { buildingHouseholds } from '../core/households/building-households';
import { bindUser, householdMembers, removeHouseholdMember } from '../core/households/members';
import { approveBindRequest, denyBindRequest, listBindRequests } from '../core/households/requests';
import { householdCodeSheet } from '../core/households/sheet';
import { myGridWorker } from '../core/contacts/my-grid-worker';
import { loadActor } from '../core/users/actor';
import { claimInvite } from '../core/users/invites';
import { login } from '../core/users/login';
import { meView } from '../core/users/me-view';
import { grantRole, revokeRole } from '../core/users/roles';
import { defineFunction } from './define';
import { empty, id, required, roleGrantSchema, text, whole } from './schemas';

/** A household code's scene or an invite code, as scanned or typed. */
const code = required(64);
const policy = z.object({
  mode: z.enum(['singleUse', 'memberLimit']),
  memberLimit: whole(1, 20),
  approval: z.boolean(),
});

export const userFunction = defineFunction<UserActions>('user', {
  login: {
    input: z.object({ name: z.optional(text(32)), inviteCode: z.optional(code) }),
    run: (deps, caller, input) => login(deps, caller, input),
  },
  me: {
    input: empty,
    run: async (deps, caller) => meView(deps.store, await loadActor(deps.store, caller)),
  },
  claimInvite: {
    input: z.object({ code }),
    run: (deps, caller, input) => claimInvite(deps, caller, input),
  },
  grantRole: {
    input: z.object({ userId: id, grant: roleGrantSchema }),
    run: (deps, caller, input) => grantRole(deps, caller, input),
  },
  revokeRole: {
    input: z.object({ userId: id, grant: roleGrantSchema }),
    run: (deps, caller, input) => revokeRole(deps, caller, input),
  },
  onboardingPolicy: {
    input: z.object({ communityId: id }),
    run: (deps, caller, input) => onboardingPolicy(deps, caller, input),
  },
  setOnboardingPolicy: {
    input: z.object({ communityId: id, policy }),
    run: (deps, caller, input) => setOnboardingPolicy(deps, caller, input),
  },
  issueHouseholdCodes: {
    input: z.object({ communityId: id, buildingId: z.optional(id), householdId: z.optional(id) }),
    run: (deps, caller, input) => issueHouseholdCodes(deps, caller, input),
  },
  householdBuildings: {
    input: z.object({ communityId: id }),
    run: (deps, caller, input) => householdBuildings(deps, caller, input),
  },
  householdCodes: {
    input: z.object({ communityId: id, buildingId: id }),
    run: (deps, caller, input) => householdCodes(deps, caller, input),
  },
  revokeHouseholdCode: {
    input: z.object({ communityId: id, codeId: id }),
    run: (deps, caller, input) => revokeHouseholdCode(deps, caller, input),
  },
  householdCodeSheet: {
    input: z.object({ communityId: id, buildingId: id }),
    run: (deps, caller, input) => householdCodeSheet(deps, caller, input),
  },
  previewHouseholdCode: {
    input: z.object({ code }),
    run: (deps, caller, input) => previewHouseholdCode(deps, caller, input),
  },
  bindHousehold: {
    // householdId is accepted only to be refused with its own code (households/bind.ts).
    input: z.object({ code: z.optional(code), householdId: z.optional(id) }),
    run: (deps, caller, input) => bindHousehold(deps, caller, input),
  },
  bindRequests: {
    input: z.object({ status: z.optional(z.enum(['pending', 'approved', 'denied', 'withdrawn'])) }),
    run: (deps, caller, input) => listBindRequests(deps, caller, input),
  },
  approveBindRequest: {
    input: z.object({ requestId: id }),
    run: (deps, caller, input) => approveBindRequest(deps, caller, input),
  },
  denyBindRequest: {
    input: z.object({ requestId: id, reason: z.optional(text(100)) }),
    run: (deps, caller, input) => denyBindRequest(deps, caller, input),
  },
  buildingHouseholds: {
    input: z.object({ communityId: id, buildingId: id }),
    run: (deps, caller, input) => buildingHouseholds(deps, caller, input),
  },
  householdMembers: {
    input: z.object({ communityId: id, householdId: id }),
    run: (deps, caller, input) => householdMembers(deps, caller, input),
  },
  removeHouseholdMember: {
    input: z.object({ communityId: id, householdId: id, userId: id }),
    run: (deps, caller, input) => removeHouseholdMember(deps, caller, input),
  },
  bindUser: {
    input: z.object({ userId: id, householdId: id }),
    run: (deps, caller, input) => bindUser(deps, caller, input),
  },
  myGridWorker: {
    input: empty,
    run: async (deps, caller) => myGridWorker(deps.store, await loadActor(deps.store, caller)),
  },
});

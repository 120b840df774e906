/**
 * The onboarding branch's rows of the authorization matrix (format: test/access/matrix.ts): household codes
 * and binding, binding requests, household members, invites. A household code or an invite code is the
 * proof: whoever holds one may use it, wherever the home lies; everything else is staff of the community,
 * and binding requests are decided by the micro-grid's worker, the grid's leader or the community's staff.
 */
import type { BindOutcome, HouseholdCodeView } from '../../../typings/user';
import type { NewInvite } from '../../../typings/grid';
import { ALL, IN_A, row, type Cell, type MatrixRelation, type Row } from '../matrix';
import type { World } from '../world';

const COMMUNITY: readonly MatrixRelation[] = ['sameCommunity', 'otherCommunity'];
/** Staff and the secretary of the community; staff of B in B. */
const RUNS = {
  staff: ['sameCommunity'],
  secretary: ['sameCommunity'],
  otherStaff: ['otherCommunity'],
} as const;
/** Anyone logged in, wherever the home lies: the code is the proof. */
const HOLDERS = {
  stranger: ALL,
  resident: ALL,
  worker: ALL,
  leader: ALL,
  staff: ALL,
  secretary: ALL,
  otherStaff: ALL,
  street: ALL,
} as const;
/** Who decides a binding request of the place: its micro-grid's worker, its grid's leader, its staff. */
const DECIDERS = {
  worker: ['own', 'sameMicroGrid'],
  leader: ['own', 'sameMicroGrid', 'sameGrid'],
  staff: IN_A,
  secretary: IN_A,
  otherStaff: ['otherCommunity'],
} as const;

/** Someone new, of no community yet, who asks to join a household. */
const NEWCOMER = 'matrix-newcomer';

/**
 * Images drawn by stand-ins: who may act is the question here, and pure-JavaScript image work runs some 25×
 * slower inside jest's sandbox than in Node (a QR PNG takes a second). The real renderers are tested in
 * test/households/onboarding.test.ts.
 */
function quickImages(w: World): void {
  w.h.deps.miniProgramCodes = { render: async () => TINY_PNG };
  w.h.deps.codeSheets = {
    render: async (sheet) => new TextEncoder().encode(`%PDF-stand-in ${sheet.cells.length}`),
  };
}
/** A 1×1 white PNG. */
const TINY_PNG = Uint8Array.from(
  Buffer.from(
    'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAAAAAA6fptVAAAACklEQVR4nGP4DwABAQEAWk1v8QAAAABJRU5ErkJggg==',
    'base64',
  ),
);

/** A live code of the place's household, issued by the place's staff. */
async function codeOf(w: World, c: Cell): Promise<HouseholdCodeView> {
  quickImages(w);
  const s = w.slot(c.relation);
  const { codes } = await w.ok<{ codes: HouseholdCodeView[] }>(s.staff, 'user', 'issueHouseholdCodes', {
    communityId: s.communityId,
    householdId: s.householdId,
  });
  return codes[0]!;
}

/** A pending request of a newcomer for the place's household (the demo communities ask for approval). */
async function pendingRequest(w: World, c: Cell): Promise<string> {
  const { scene } = await codeOf(w, c);
  await w.ok(NEWCOMER, 'user', 'login', { name: '新来的' });
  const outcome = await w.ok<BindOutcome>(NEWCOMER, 'user', 'bindHousehold', { code: scene });
  return outcome.me.pendingBinding!.requestId;
}

async function inviteOf(w: World, c: Cell): Promise<NewInvite> {
  const s = w.slot(c.relation);
  return w.ok<NewInvite>(s.staff, 'grid', 'invite', {
    communityId: s.communityId,
    name: '受邀者',
    role: 'staff',
  });
}

const place = (w: World, c: Cell) => {
  const s = w.slot(c.relation);
  return { communityId: s.communityId, householdId: s.householdId };
};

export const onboardingUserRows: Row[] = [
  row('user', 'claimInvite', {
    relations: COMMUNITY,
    allow: HOLDERS,
    request: async (w, c) => ({ req: { code: (await inviteOf(w, c)).code } }),
  }),
  row('user', 'onboardingPolicy', {
    relations: COMMUNITY,
    allow: RUNS,
    request: async (w, c) => ({ req: { communityId: w.slot(c.relation).communityId } }),
  }),
  row('user', 'setOnboardingPolicy', {
    relations: COMMUNITY,
    allow: RUNS,
    request: async (w, c) => ({
      req: {
        communityId: w.slot(c.relation).communityId,
        policy: { mode: 'singleUse', memberLimit: 1, approval: false },
      },
    }),
  }),
  row('user', 'issueHouseholdCodes', {
    relations: COMMUNITY,
    allow: RUNS,
    request: async (w, c) => ({ req: place(w, c) }),
  }),
  row('user', 'householdBuildings', {
    relations: COMMUNITY,
    allow: RUNS,
    request: async (w, c) => ({
      req: { communityId: w.slot(c.relation).communityId },
      subject: w.slot(c.relation).buildingId,
    }),
    grants: (data, subject) => JSON.stringify(data).includes(JSON.stringify(subject)),
  }),
  row('user', 'householdCodes', {
    relations: COMMUNITY,
    allow: RUNS,
    request: async (w, c) => {
      const s = w.slot(c.relation);
      const code = await codeOf(w, c);
      return { req: { communityId: s.communityId, buildingId: s.buildingId }, subject: code.codeId };
    },
    grants: (data, subject) => JSON.stringify(data).includes(JSON.stringify(subject)),
  }),
  row('user', 'revokeHouseholdCode', {
    relations: COMMUNITY,
    allow: RUNS,
    request: async (w, c) => ({
      req: { communityId: w.slot(c.relation).communityId, codeId: (await codeOf(w, c)).codeId },
    }),
  }),
  row('user', 'householdCodeSheet', {
    relations: COMMUNITY,
    allow: RUNS,
    request: async (w, c) => {
      quickImages(w);
      const s = w.slot(c.relation);
      return { req: { communityId: s.communityId, buildingId: s.buildingId } };
    },
  }),
  row('user', 'previewHouseholdCode', {
    allow: HOLDERS,
    request: async (w, c) => ({ req: { code: (await codeOf(w, c)).scene } }),
  }),
  row('user', 'bindHousehold', {
    // With the household's code, anyone logged in asks to join (the demo communities want approval); a raw
    // household id is refused for everyone, staff included: staff bind others with bindUser.
    allow: HOLDERS,
    request: async (w, c) => ({ req: { code: (await codeOf(w, c)).scene } }),
  }),
  row('user', 'bindRequests', {
    allow: DECIDERS,
    request: async (w, c) => ({ req: {}, subject: await pendingRequest(w, c) }),
    grants: (data, subject) => JSON.stringify(data).includes(JSON.stringify(subject)),
  }),
  row('user', 'approveBindRequest', {
    allow: DECIDERS,
    refusedWith: ['AUTH.UNAUTHENTICATED', 'BIND_REQUEST.NOT_FOUND'],
    request: async (w, c) => ({ req: { requestId: await pendingRequest(w, c) } }),
  }),
  row('user', 'denyBindRequest', {
    allow: DECIDERS,
    refusedWith: ['AUTH.UNAUTHENTICATED', 'BIND_REQUEST.NOT_FOUND'],
    request: async (w, c) => ({ req: { requestId: await pendingRequest(w, c), reason: '不认识' } }),
  }),
  row('user', 'buildingHouseholds', {
    relations: COMMUNITY,
    allow: RUNS,
    request: async (w, c) => {
      const s = w.slot(c.relation);
      return { req: { communityId: s.communityId, buildingId: s.buildingId }, subject: s.householdId };
    },
    grants: (data, subject) => JSON.stringify(data).includes(JSON.stringify(subject)),
  }),
  row('user', 'householdMembers', {
    relations: COMMUNITY,
    allow: RUNS,
    request: async (w, c) => ({ req: place(w, c) }),
  }),
  row('user', 'removeHouseholdMember', {
    relations: COMMUNITY,
    allow: RUNS,
    request: async (w, c) => ({
      req: { ...place(w, c), userId: await w.userId(w.slot(c.relation).resident) },
    }),
  }),
  row('user', 'bindUser', {
    // A user of no community yet, into the place's household: only that community's staff.
    relations: COMMUNITY,
    allow: RUNS,
    request: async (w, c) => {
      await w.ok(NEWCOMER, 'user', 'login', { name: '新来的' });
      return { req: { userId: await w.userId(NEWCOMER), householdId: w.slot(c.relation).householdId } };
    },
  }),
];

export const onboardingGridRows: Row[] = [
  row('grid', 'invite', {
    relations: COMMUNITY,
    allow: RUNS,
    request: async (w, c) => {
      const s = w.slot(c.relation);
      return {
        req: {
          communityId: s.communityId,
          name: '受邀者',
          duty: 'worker',
          gridId: s.gridId,
          microGridId: s.microGridId,
        },
      };
    },
  }),
  row('grid', 'revokeInvite', {
    relations: COMMUNITY,
    allow: RUNS,
    request: async (w, c) => ({
      req: { communityId: w.slot(c.relation).communityId, inviteId: (await inviteOf(w, c)).inviteId },
    }),
  }),
];

/**
 * Every collection with its indexes, in one place for both adapters: SQLite creates them at open, the
 * CloudBase deploy creates them in the console's database (scripts/build-functions.ts writes them out).
 */
import type {
  Building,
  Community,
  Estate,
  Grid,
  GridMapVersion,
  Household,
  Member,
  MicroGrid,
} from '../grids/model';
import type { Notification, OutboxEntry } from '../notifications/model';
import type { SubscriptionGrant } from '../notifications/subscription-grant';
import type { BindRequest, HouseholdCode, OnboardingSettings } from '../households/model';
import type { Invite } from '../users/invite-model';
import type { User } from '../users/model';
import type {
  CoverageCheck,
  CoverageShard,
  GroupBinding,
  GroupShare,
  Notice,
  NoticeReceipt,
  NoticeSubscription,
  NoticeTarget,
  NoticeVisit,
} from '../notices/model';
import type { FigureShard } from '../figures/shards';
import type { Ticket, TicketEvent } from '../tickets/model';
import type { CareDue, CareEvent, CareGroup, CareVisit } from '../care/model';
import type { Inspection, InspectionPlan, InspectionTask, InspectionTemplate } from '../inspections/model';
import type { WorklogNote } from '../worklog/model';
import type { TicketPolicyDoc } from '../tickets/policy-model';
import type { WorkCalendarDoc } from '../calendar/model';
import type { Street, StreetInvite } from '../street/model';
import type { SubmitRate } from '../tickets/submit-rate';

export interface CollectionDocs {
  users: User;
  communities: Community;
  grids: Grid;
  microGrids: MicroGrid;
  estates: Estate;
  buildings: Building;
  households: Household;
  members: Member;
  gridMapVersions: GridMapVersion;
  outbox: OutboxEntry;
  notifications: Notification;
  subscriptions: SubscriptionGrant;
  notices: Notice;
  noticeTargets: NoticeTarget;
  noticeReceipts: NoticeReceipt;
  noticeVisits: NoticeVisit;
  noticeCoverage: CoverageShard;
  noticeChecks: CoverageCheck;
  noticeSubscriptions: NoticeSubscription;
  groupBindings: GroupBinding;
  groupShares: GroupShare;
  tickets: Ticket;
  ticketEvents: TicketEvent;
  ticketFigures: FigureShard;
  ticketPolicies: TicketPolicyDoc;
  inspectionTemplates: InspectionTemplate;
  inspectionPlans: InspectionPlan;
  inspectionTasks: InspectionTask;
  inspections: Inspection;
  careGroups: CareGroup;
  careDues: CareDue;
  careVisits: CareVisit;
  careEvents: CareEvent;
  worklogNotes: WorklogNote;
  workCalendars: WorkCalendarDoc;
  streets: Street;
  onboardingSettings: OnboardingSettings;
  householdCodes: HouseholdCode;
  bindRequests: BindRequest;
  invites: Invite;
  streetInvites: StreetInvite;
  submitRates: SubmitRate;
}

export type CollectionName = keyof CollectionDocs;

export interface IndexSpec {
  fields: string[];
  unique?: boolean;
}

export const collections: Record<CollectionName, { indexes: IndexSpec[] }> = {
  users: {
    indexes: [{ fields: ['openid'], unique: true }, { fields: ['householdId'] }, { fields: ['roleKeys'] }],
  },
  communities: { indexes: [{ fields: ['streetId'] }] },
  grids: { indexes: [{ fields: ['communityId'] }] },
  microGrids: { indexes: [{ fields: ['communityId'] }, { fields: ['gridId'] }] },
  estates: { indexes: [{ fields: ['communityId'] }] },
  buildings: {
    indexes: [{ fields: ['communityId'] }, { fields: ['microGridId'] }, { fields: ['estateId'] }],
  },
  households: {
    indexes: [
      { fields: ['buildingId'] },
      { fields: ['microGridId'] },
      { fields: ['gridId'] },
      { fields: ['communityId'] },
    ],
  },
  members: {
    indexes: [
      { fields: ['userId'] },
      { fields: ['gridId'] },
      { fields: ['microGridId'] },
      { fields: ['communityId'] },
    ],
  },
  gridMapVersions: { indexes: [] },
  outbox: { indexes: [{ fields: ['state', 'createdAt'] }] },
  notifications: {
    indexes: [
      { fields: ['userId', 'createdAt'] },
      { fields: ['delivery.state', 'delivery.nextAttemptAt'] },
      { fields: ['ticketId'] },
      { fields: ['userId', 'readAt'] },
      { fields: ['outboxId'] },
      { fields: ['communityId', 'delivery.state', 'createdAt'] },
      { fields: ['delivery.state', 'delivery.claimedAt'] },
    ],
  },
  subscriptions: { indexes: [{ fields: ['userId'] }] },
  notices: {
    indexes: [
      { fields: ['communityId', 'createdAt'] },
      { fields: ['state', 'publishAt'] },
      { fields: ['state', 'publishing.claimedAt'] },
      { fields: ['state', 'publishing.leaseUntil'] },
    ],
  },
  noticeTargets: {
    indexes: [
      { fields: ['householdId', 'publishedAt'] },
      { fields: ['noticeId', 'microGridId', 'reachedAt'] },
    ],
  },
  noticeReceipts: { indexes: [{ fields: ['noticeId'] }, { fields: ['userId', 'noticeId'] }] },
  noticeVisits: {
    indexes: [
      { fields: ['noticeId'] },
      { fields: ['noticeId', 'householdId'] },
      { fields: ['userId', 'at'] },
    ],
  },
  noticeCoverage: { indexes: [{ fields: ['noticeId'] }] },
  noticeChecks: { indexes: [] },
  noticeSubscriptions: { indexes: [{ fields: ['communityId'] }] },
  groupBindings: { indexes: [{ fields: ['communityId', 'gridId'] }] },
  groupShares: {
    indexes: [
      { fields: ['gridId', 'firstOpenedAt'] },
      { fields: ['noticeId'] },
      { fields: ['sharer', 'firstOpenedAt'] },
      { fields: ['communityId', 'firstOpenedAt'] },
    ],
  },
  tickets: {
    indexes: [
      { fields: ['reporterUserId', 'createdAt'] },
      { fields: ['followerUserIds'] },
      { fields: ['assigneeUserId', 'status'] },
      { fields: ['microGridId', 'status'] },
      { fields: ['gridId', 'status'] },
      { fields: ['communityId', 'status'] },
      { fields: ['communityId', 'category', 'status'] },
      // "Same problem nearby": the map cells around a place, and the same estate (tickets/nearby.ts).
      { fields: ['cell', 'category', 'status'] },
      { fields: ['estateId', 'category', 'status'] },
      { fields: ['open', 'escalateAt'] },
      { fields: ['open', 'signForBy'] },
      { fields: ['status', 'autoCloseAt'] },
      { fields: ['contentUnchecked'] },
      // The workbench (server/core/workbench): each branch is an equality prefix walked in createdAt order.
      { fields: ['communityId', 'createdAt'] },
      { fields: ['communityId', 'status', 'createdAt'] },
      { fields: ['communityId', 'category', 'createdAt'] },
      { fields: ['communityId', 'category', 'status', 'createdAt'] },
      { fields: ['communityId', 'escalationLevel', 'createdAt'] },
      { fields: ['communityId', 'open', 'createdAt'] },
      { fields: ['communityId', 'escalationLevel', 'open', 'escalatedAt'] },
      { fields: ['gridId', 'createdAt'] },
      { fields: ['gridId', 'status', 'createdAt'] },
      { fields: ['gridId', 'escalationLevel', 'createdAt'] },
      { fields: ['gridId', 'open', 'createdAt'] },
      { fields: ['microGridId', 'createdAt'] },
      { fields: ['microGridId', 'status', 'createdAt'] },
      { fields: ['assigneeUserId', 'createdAt'] },
    ],
  },
  ticketEvents: {
    indexes: [{ fields: ['ticketId', 'seq'], unique: true }, { fields: ['actor.userId', 'at'] }],
  },
  ticketFigures: { indexes: [{ fields: ['communityId', 'month'] }, { fields: ['shard', 'updatedAt'] }] },
  ticketPolicies: { indexes: [] },
  // Field work: due items are documents, so a worker's due list is one read on (assignee, state, dueAt).
  inspectionTemplates: { indexes: [{ fields: ['communityId', 'createdAt'] }] },
  inspectionPlans: { indexes: [{ fields: ['communityId'] }] },
  inspectionTasks: {
    indexes: [
      { fields: ['assigneeUserId', 'state', 'dueAt'] },
      { fields: ['communityId', 'round'] },
      { fields: ['microGridId', 'dueAt'] },
    ],
  },
  inspections: { indexes: [{ fields: ['inspectorUserId', 'at'] }, { fields: ['taskId'] }] },
  careGroups: { indexes: [{ fields: ['communityId', 'createdAt'] }] },
  careDues: {
    indexes: [
      { fields: ['assigneeUserId', 'state', 'dueAt'] },
      { fields: ['state', 'escalatedAt', 'dueAt'] },
      { fields: ['groupId'] },
      { fields: ['microGridId', 'dueAt'] },
    ],
  },
  careVisits: { indexes: [{ fields: ['userId', 'at'] }, { fields: ['dueId'] }] },
  careEvents: { indexes: [{ fields: ['householdId'] }] },
  worklogNotes: { indexes: [{ fields: ['userId', 'date'] }] },
  workCalendars: { indexes: [] },
  streets: { indexes: [{ fields: ['officerUserIds'] }] },
  onboardingSettings: { indexes: [] },
  householdCodes: { indexes: [{ fields: ['householdId'] }, { fields: ['buildingId'] }] },
  bindRequests: {
    indexes: [
      { fields: ['microGridId', 'status'] },
      { fields: ['gridId', 'status'] },
      { fields: ['communityId', 'status'] },
      { fields: ['userId', 'status'] },
    ],
  },
  invites: { indexes: [{ fields: ['communityId'] }] },
  // The office page lists a street's open invites; a claim reads one by id.
  streetInvites: { indexes: [{ fields: ['streetId'] }] },
  // Read and written by id inside the submit transaction only.
  submitRates: { indexes: [] },
};

export const collectionNames = Object.keys(collections) as CollectionName[];

/** The workbench's calls (工单工作台, the leader's and secretary's homes): actions of the `ticket` function. */
import type { Id } from '../../typings/common';
import type { TicketCategory } from '../../typings/ticket';
import type {
  LeaderHome,
  SecretaryHome,
  WorkbenchFilter,
  WorkbenchPage,
  WorkbenchScope,
} from '../../typings/workbench';
import { callApi } from './api';

export function workbenchPage(
  communityId: Id,
  filter: WorkbenchFilter,
  cursor?: string,
): Promise<WorkbenchPage> {
  return callApi('ticket', 'workbench', { communityId, filter, ...(cursor ? { cursor } : {}) });
}

export function workbenchScope(communityId: Id): Promise<WorkbenchScope> {
  return callApi('ticket', 'workbenchScope', { communityId });
}

/** Originals a duplicate may be merged into, searched by words. */
export function mergeCandidates(
  ticketId: Id,
  text: string,
  category?: Exclude<TicketCategory, 'secretaryLetter'>,
  cursor?: string,
): Promise<WorkbenchPage> {
  return callApi('ticket', 'mergeCandidates', {
    ticketId,
    ...(text ? { text } : {}),
    ...(category ? { category } : {}),
    ...(cursor ? { cursor } : {}),
  });
}

export function leaderHome(communityId: Id): Promise<LeaderHome> {
  return callApi('ticket', 'leaderHome', { communityId });
}

export function secretaryHome(communityId: Id): Promise<SecretaryHome> {
  return callApi('ticket', 'secretaryHome', { communityId });
}

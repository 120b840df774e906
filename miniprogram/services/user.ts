/** Who the user is, household codes and binding: one function per action of the `user` cloud function. */
import type {
  BindOutcome,
  BindRequestView,
  HouseholdCodePreview,
  Me,
  WorkerContact,
} from '../../typings/user';
import { callApi } from './api';

/** Creates the user on first use (by the platform's openid) and answers who they are; claims an invite. */
export function login(inviteCode?: string): Promise<Me> {
  return callApi('user', 'login', inviteCode ? { inviteCode } : {});
}

/** Who the user is now: roles and household. */
export function me(): Promise<Me> {
  return callApi('user', 'me', {});
}

/** A staff invite claimed by a user who logged in before. */
export function claimInvite(code: string): Promise<Me> {
  return callApi('user', 'claimInvite', { code });
}

/** The home a scanned household code claims, room masked. */
export function previewHouseholdCode(code: string): Promise<HouseholdCodePreview> {
  return callApi('user', 'previewHouseholdCode', { code });
}

export function bindHousehold(code: string): Promise<BindOutcome> {
  return callApi('user', 'bindHousehold', { code });
}

/** The binding requests the caller decides (workers: their micro-grids). */
export function bindRequests(): Promise<BindRequestView[]> {
  return callApi('user', 'bindRequests', {});
}

export function approveBindRequest(requestId: string): Promise<BindRequestView> {
  return callApi('user', 'approveBindRequest', { requestId });
}

export function denyBindRequest(requestId: string, reason?: string): Promise<BindRequestView> {
  return callApi('user', 'denyBindRequest', reason ? { requestId, reason } : { requestId });
}

/** 联系网格员: the worker of the caller's own micro-grid (null when bound to no household). */
export function myGridWorker(): Promise<WorkerContact | null> {
  return callApi('user', 'myGridWorker', {});
}

/**
 * Reading a household code a resident brings: forged (bad shape, unknown id, wrong signature), revoked, or
 * good, with the household it opens. The same refusal for every forgery: nothing tells which part was wrong.
 */
import { AppError } from '../errors';
import type { Household } from '../grids/model';
import type { Deps } from '../ports';
import type { Store } from '../ports/store';
import type { HouseholdCode, OnboardingSettings } from './model';
import { parseScene, signatureHolds } from './scene';
import { settingsOf } from './settings';

export interface ValidCode {
  code: HouseholdCode;
  household: Household;
  settings: OnboardingSettings;
}

export async function verifyCode(
  deps: Pick<Deps, 'store' | 'clock' | 'secrets'>,
  scene: string,
): Promise<ValidCode> {
  const parsed = parseScene(scene);
  if (!parsed) throw new AppError('HOUSEHOLD.CODE_FORGED');
  const code = await deps.store.get('householdCodes', parsed.codeId);
  if (!code) throw new AppError('HOUSEHOLD.CODE_FORGED');
  const settings = await settingsOf(deps, code.communityId);
  if (!signatureHolds(deps.secrets, settings.secret, parsed, code.householdId))
    throw new AppError('HOUSEHOLD.CODE_FORGED');
  if (code.revokedAt !== null) throw new AppError('HOUSEHOLD.CODE_REVOKED');
  const household = await deps.store.get('households', code.householdId);
  // The household left the ledger after the code was printed: the code opens nothing any more.
  if (!household) throw new AppError('HOUSEHOLD.CODE_REVOKED');
  return { code, household, settings };
}

/** Whether one more person may join through this code under the community's policy. */
export async function requireRoomFor(store: Store, valid: ValidCode, userId: string): Promise<void> {
  const { policy } = valid.settings;
  if (policy.mode === 'singleUse') {
    if (valid.code.uses >= 1) throw new AppError('HOUSEHOLD.CODE_USED_UP');
    return;
  }
  const members = await store.find('users', { where: { householdId: valid.household._id } });
  if (members.filter((m) => m._id !== userId).length >= policy.memberLimit)
    throw new AppError('HOUSEHOLD.CODE_USED_UP');
}

/** A community's onboarding settings, created on first use with a fresh secret and the default policy. */
import type { OnboardingPolicy } from '../../../typings/user';
import { AppError, isAppError } from '../errors';
import type { Deps } from '../ports';
import { toIso } from '../time/shanghai';
import { DEFAULT_POLICY, type OnboardingSettings } from './model';

type SettingsDeps = Pick<Deps, 'store' | 'clock' | 'secrets'>;

export async function settingsOf(deps: SettingsDeps, communityId: string): Promise<OnboardingSettings> {
  const existing = await deps.store.get('onboardingSettings', communityId);
  if (existing) return existing;
  if (!(await deps.store.get('communities', communityId))) throw new AppError('COMMUNITY.NOT_FOUND');
  const now = toIso(deps.clock.now());
  const created: OnboardingSettings = {
    _id: communityId,
    secret: deps.secrets.newSecret(),
    policy: DEFAULT_POLICY,
    createdAt: now,
    updatedAt: now,
  };
  try {
    await deps.store.insert('onboardingSettings', created);
    return created;
  } catch (error) {
    // Two first uses at once: one secret wins, and every code is signed with it.
    if (!isAppError(error) || error.code !== 'STORE.DUPLICATE') throw error;
    const winner = await deps.store.get('onboardingSettings', communityId);
    if (!winner) throw error;
    return winner;
  }
}

export async function savePolicy(
  deps: SettingsDeps,
  communityId: string,
  policy: OnboardingPolicy,
): Promise<OnboardingPolicy> {
  await settingsOf(deps, communityId);
  await deps.store.update('onboardingSettings', communityId, {
    policy,
    updatedAt: toIso(deps.clock.now()),
  });
  return policy;
}

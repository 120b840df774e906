/** The authorization matrix of the onboarding actions (rows/onboarding.ts: user and grid). */
import { onboardingGridRows, onboardingUserRows } from './rows/onboarding';
import { expectMatrix } from './run';

test('every onboarding action as every role in every relation: allowed or refused with nothing written', async () => {
  await expectMatrix('onboarding', [...onboardingUserRows, ...onboardingGridRows]);
}, 600_000);

/** Staff look after households 住户: the onboarding policy, a building's households, a household's members. */
import type { BuildingHouseholdView, HouseholdMemberView, OnboardingPolicy } from '../../typings/user';
import { callApi } from './api';

export function onboardingPolicy(communityId: string): Promise<OnboardingPolicy> {
  return callApi('user', 'onboardingPolicy', { communityId });
}

export function setOnboardingPolicy(
  communityId: string,
  policy: OnboardingPolicy,
): Promise<OnboardingPolicy> {
  return callApi('user', 'setOnboardingPolicy', { communityId, policy });
}

export function buildingHouseholds(
  communityId: string,
  buildingId: string,
): Promise<BuildingHouseholdView[]> {
  return callApi('user', 'buildingHouseholds', { communityId, buildingId });
}

export function householdMembers(communityId: string, householdId: string): Promise<HouseholdMemberView[]> {
  return callApi('user', 'householdMembers', { communityId, householdId });
}

/** Unbinds a member from the household (they are told); answers the members left. */
export function removeHouseholdMember(
  communityId: string,
  householdId: string,
  userId: string,
): Promise<HouseholdMemberView[]> {
  return callApi('user', 'removeHouseholdMember', { communityId, householdId, userId });
}

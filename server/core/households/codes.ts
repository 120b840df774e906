/**
 * Staff issue household codes 住户码, per building or per household, and revoke them. A household has one
 * live code at a time: issuing a new one revokes the old (a code photographed by a stranger is replaced).
 */
import type { CodeBuildingView, HouseholdCodeView, OnboardingPolicy } from '../../../typings/user';
import { AppError } from '../errors';
import type { Household } from '../grids/model';
import type { Deps } from '../ports';
import type { Caller } from '../ports/identity';
import { toIso } from '../time/shanghai';
import { addressOf } from './address';
import type { HouseholdCode, OnboardingSettings } from './model';
import { CODE_ID_LENGTH, sceneOf } from './scene';
import { savePolicy, settingsOf } from './settings';
import { staffOf } from './staff';

type CodeDeps = Pick<Deps, 'store' | 'clock' | 'secrets' | 'files' | 'miniProgramCodes' | 'codeSheets'>;

/** The page a household code opens. */
export const BIND_PAGE = 'pages/bind-household/index';

export async function codeView(
  deps: Pick<Deps, 'store' | 'secrets'>,
  settings: OnboardingSettings,
  code: HouseholdCode,
  address?: string,
): Promise<HouseholdCodeView> {
  const household = address === undefined ? await deps.store.get('households', code.householdId) : null;
  return {
    codeId: code._id,
    householdId: code.householdId,
    address: address ?? (household ? (await addressOf(deps.store, household)).full : ''),
    scene: sceneOf(deps.secrets, settings.secret, code._id, code.householdId),
    imageFileId: code.imageFileId,
    createdAt: code.createdAt,
    revoked: code.revokedAt !== null,
    uses: code.uses,
  };
}

async function issueFor(
  deps: CodeDeps,
  settings: OnboardingSettings,
  household: Household,
  byUserId: string,
): Promise<HouseholdCode> {
  const { store } = deps;
  const now = toIso(deps.clock.now());
  const live = (await store.find('householdCodes', { where: { householdId: household._id } })).filter(
    (c) => c.revokedAt === null,
  );
  const codeId = deps.secrets.randomCode(CODE_ID_LENGTH);
  const scene = sceneOf(deps.secrets, settings.secret, codeId, household._id);
  const image = await deps.miniProgramCodes.render({ page: BIND_PAGE, scene });
  const imageFileId = await deps.files.put(
    `household-codes/${household.communityId}/${codeId}.png`,
    image,
    'image/png',
  );
  const code: HouseholdCode = {
    _id: codeId,
    communityId: household.communityId,
    householdId: household._id,
    buildingId: household.buildingId,
    imageFileId,
    createdAt: now,
    createdByUserId: byUserId,
    revokedAt: null,
    uses: 0,
    version: 1,
  };
  await store.transaction(async (tx) => {
    await tx.insert('householdCodes', code);
    for (const old of live)
      await tx.update('householdCodes', old._id, { revokedAt: now, version: old.version + 1 });
  });
  return code;
}

/** The one household named, or the building's households by unit and room; HOUSEHOLD.NOT_FOUND outside the community. */
export async function householdsOf(
  deps: Pick<Deps, 'store'>,
  input: { communityId: string; buildingId?: string; householdId?: string },
): Promise<Household[]> {
  const { store } = deps;
  if (input.householdId) {
    const household = await store.get('households', input.householdId);
    if (!household || household.communityId !== input.communityId) throw new AppError('HOUSEHOLD.NOT_FOUND');
    return [household];
  }
  if (!input.buildingId) throw new AppError('VALIDATION.FAILED', { message: '请选择楼栋或住户' });
  const building = await store.get('buildings', input.buildingId);
  if (!building || building.communityId !== input.communityId)
    throw new AppError('HOUSEHOLD.NOT_FOUND', { message: '找不到这栋楼，请刷新后重新选择' });
  const households = await store.find('households', { where: { buildingId: building._id } });
  return households.sort(
    (a, b) => a.unit.localeCompare(b.unit, 'zh') || a.room.localeCompare(b.room, 'zh', { numeric: true }),
  );
}

/** Issues a new code for each household of the building, or for the one household. */
export async function issueHouseholdCodes(
  deps: CodeDeps,
  caller: Caller,
  input: { communityId: string; buildingId?: string; householdId?: string },
): Promise<{ codes: HouseholdCodeView[] }> {
  const actor = await staffOf(deps, caller, input.communityId);
  const households = await householdsOf(deps, input);
  const settings = await settingsOf(deps, input.communityId);
  const codes: HouseholdCodeView[] = [];
  for (const household of households) {
    const code = await issueFor(deps, settings, household, actor._id);
    codes.push(await codeView(deps, settings, code, (await addressOf(deps.store, household)).full));
  }
  return { codes };
}

/** The live code of each household of the building; with `issueMissing`, households without one get one. */
export async function liveCodes(
  deps: CodeDeps,
  caller: Caller,
  input: { communityId: string; buildingId: string },
  issueMissing = false,
): Promise<Array<{ household: Household; view: HouseholdCodeView }>> {
  const actor = await staffOf(deps, caller, input.communityId);
  const households = await householdsOf(deps, input);
  const settings = await settingsOf(deps, input.communityId);
  const codes = await deps.store.find('householdCodes', { where: { buildingId: input.buildingId } });
  const out: Array<{ household: Household; view: HouseholdCodeView }> = [];
  for (const household of households) {
    let code = codes.find((c) => c.householdId === household._id && c.revokedAt === null);
    if (!code && issueMissing) code = await issueFor(deps, settings, household, actor._id);
    if (code)
      out.push({
        household,
        view: await codeView(deps, settings, code, (await addressOf(deps.store, household)).full),
      });
  }
  return out;
}

export async function householdCodes(
  deps: CodeDeps,
  caller: Caller,
  input: { communityId: string; buildingId: string },
): Promise<{ codes: HouseholdCodeView[] }> {
  return { codes: (await liveCodes(deps, caller, input)).map((c) => c.view) };
}

export async function revokeHouseholdCode(
  deps: CodeDeps,
  caller: Caller,
  input: { communityId: string; codeId: string },
): Promise<HouseholdCodeView> {
  await staffOf(deps, caller, input.communityId);
  const code = await deps.store.get('householdCodes', input.codeId);
  if (!code || code.communityId !== input.communityId)
    throw new AppError('HOUSEHOLD.CODE_FORGED', {
      message: '住户码无法识别，请向社区工作人员索取新的住户码',
    });
  const revoked =
    code.revokedAt === null
      ? { ...code, revokedAt: toIso(deps.clock.now()), version: code.version + 1 }
      : code;
  if (revoked !== code)
    await deps.store.update('householdCodes', code._id, {
      revokedAt: revoked.revokedAt,
      version: revoked.version,
    });
  return codeView(deps, await settingsOf(deps, input.communityId), revoked);
}

export async function onboardingPolicy(
  deps: CodeDeps,
  caller: Caller,
  input: { communityId: string },
): Promise<OnboardingPolicy> {
  await staffOf(deps, caller, input.communityId);
  return (await settingsOf(deps, input.communityId)).policy;
}

export async function setOnboardingPolicy(
  deps: CodeDeps,
  caller: Caller,
  input: { communityId: string; policy: OnboardingPolicy },
): Promise<OnboardingPolicy> {
  await staffOf(deps, caller, input.communityId);
  return savePolicy(deps, input.communityId, input.policy);
}

/** The community's buildings, by estate and name, with their households and live codes counted. */
export async function householdBuildings(
  deps: CodeDeps,
  caller: Caller,
  input: { communityId: string },
): Promise<CodeBuildingView[]> {
  const { store } = deps;
  await staffOf(deps, caller, input.communityId);
  const where = { communityId: input.communityId };
  const [estates, buildings, households, codes] = await Promise.all([
    store.find('estates', { where }),
    store.find('buildings', { where }),
    store.find('households', { where }),
    store.find('householdCodes', { where: { ...where, revokedAt: null } }),
  ]);
  const estateName = new Map(estates.map((e) => [e._id, e.name]));
  const coded = new Set(codes.map((c) => c.householdId));
  return buildings
    .map((b) => {
      const here = households.filter((x) => x.buildingId === b._id);
      return {
        buildingId: b._id,
        label: [estateName.get(b.estateId), b.name].filter(Boolean).join(' '),
        households: here.length,
        withCode: here.filter((x) => coded.has(x._id)).length,
      };
    })
    .filter((b) => b.households > 0)
    .sort((a, b) => a.label.localeCompare(b.label, 'zh', { numeric: true }));
}

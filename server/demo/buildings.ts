/**
 * Estates, buildings and households of one community. Listed buildings keep their number, size and place;
 * the rest are generated from a seeded stream per building, so the ledger is the same on every run.
 * Buildings of community micro-grids stand clear of exclusive grids, so that the address and the geofence
 * of a building name the same micro-grid.
 */
import type { Building, Estate, Household, HouseholdTag } from '../core/grids/model';
import type { Rect } from './geometry';
import { grow, pointAt, rectContains } from './geometry';
import { demoIds } from './ids';
import { buildingName, unitName } from './names';
import type { ResidentialMicroGrid } from './places';
import { prng } from './prng';
import type { At, BuildingDef, CommunityDef, HomeRef } from './types';

/** Generated buildings keep this far from any exclusive grid. */
const CLEARANCE_METRES = 15;
/** Where generated buildings may stand in their micro-grid, tried in order. */
const SLOTS: At[] = [
  [0.3, 0.3],
  [0.7, 0.7],
  [0.7, 0.3],
  [0.3, 0.7],
  [0.5, 0.5],
  [0.5, 0.15],
  [0.5, 0.85],
  [0.15, 0.5],
  [0.85, 0.5],
  [0.15, 0.15],
  [0.85, 0.85],
  [0.85, 0.15],
  [0.15, 0.85],
];
const FLOOR_CHOICES = [6, 6, 7, 7, 7, 11, 18];
/** Share of generated households carrying each ledger tag. */
const TAG_RATES: Array<[HouseholdTag, number]> = [
  ['elderly', 0.22],
  ['disabled', 0.05],
  ['leftBehindChild', 0.04],
  ['hardship', 0.06],
];
const DOORS_PER_FLOOR = 2;

export interface CommunityLedger {
  estates: Estate[];
  buildings: Building[];
  households: Household[];
}

interface BuildingPlan {
  doc: Building;
  communityKey: string;
  estate: string;
  no: number;
  units: number;
  households: number;
}

/** Builds the ledger, then makes sure every resident's home is in it (with the resident's tags). */
export function buildLedger(
  def: CommunityDef,
  residential: ResidentialMicroGrid[],
  exclusiveParts: Rect[],
): CommunityLedger {
  const communityId = demoIds.community(def.key);
  const estates: Estate[] = def.estates.map((e) => ({
    _id: demoIds.estate(def.key, e.key),
    communityId,
    name: e.name,
  }));
  const keepOut = exclusiveParts.map((part) => grow(part, CLEARANCE_METRES));
  const plans = planBuildings(def, residential, keepOut);

  const households = new Map<string, Household[]>();
  for (const plan of plans) households.set(plan.doc._id, generateHouseholds(plan));
  for (const resident of def.residents) {
    ensureHome(def, plans, households, resident.home, resident.tags ?? []);
  }
  for (const list of households.values()) list.sort(byUnitAndRoom);

  const estateOrder = new Map(def.estates.map((e, i) => [e.key, i]));
  const sorted = [...plans].sort(
    (a, b) => (estateOrder.get(a.estate) ?? 0) - (estateOrder.get(b.estate) ?? 0) || a.no - b.no,
  );
  return {
    estates,
    buildings: sorted.map((p) => p.doc),
    households: sorted.flatMap((p) => households.get(p.doc._id) ?? []),
  };
}

function byUnitAndRoom(a: Household, b: Household): number {
  return Number.parseInt(a.unit, 10) - Number.parseInt(b.unit, 10) || Number(a.room) - Number(b.room);
}

function planBuildings(
  def: CommunityDef,
  residential: ResidentialMicroGrid[],
  keepOut: Rect[],
): BuildingPlan[] {
  const estateKeys = new Set(def.estates.map((e) => e.key));
  // Listed numbers are taken first, wherever they stand; generated buildings count on past them.
  const taken = new Map<string, Set<number>>();
  for (const micro of residential) {
    if (!estateKeys.has(micro.estate))
      throw new Error(`demo: ${micro.microGridId} names unknown estate ${micro.estate}`);
    if (!Array.isArray(micro.def.buildings)) continue;
    const numbers = taken.get(micro.estate) ?? new Set<number>();
    for (const b of micro.def.buildings) {
      if (numbers.has(b.no)) throw new Error(`demo: ${micro.estate} lists ${buildingName(b.no)} twice`);
      numbers.add(b.no);
    }
    taken.set(micro.estate, numbers);
  }
  const nextNo = new Map<string, number>();
  const allocate = (estate: string): number => {
    const numbers = taken.get(estate) ?? new Set<number>();
    let no = nextNo.get(estate) ?? 1;
    while (numbers.has(no)) no++;
    numbers.add(no);
    taken.set(estate, numbers);
    nextNo.set(estate, no + 1);
    return no;
  };

  const plans: BuildingPlan[] = [];
  for (const micro of residential) {
    const listed: BuildingDef[] = Array.isArray(micro.def.buildings)
      ? micro.def.buildings
      : generatedBuildings(micro, keepOut, allocate);
    for (const b of listed) {
      const location = pointAt(micro.rect, b.at);
      if (keepOut.some((r) => rectContains(r, location))) {
        throw new Error(`demo: ${micro.estate} ${buildingName(b.no)} stands in or next to an exclusive grid`);
      }
      const doc: Building = {
        _id: demoIds.building(def.key, micro.estate, b.no),
        communityId: demoIds.community(def.key),
        estateId: demoIds.estate(def.key, micro.estate),
        name: buildingName(b.no),
        gridId: micro.gridId,
        microGridId: micro.microGridId,
        location,
        floors: b.floors,
      };
      const households = b.households ?? prng(`${doc._id}/households`).int(6, 12);
      plans.push({ doc, communityKey: def.key, estate: micro.estate, no: b.no, units: b.units, households });
    }
  }
  return plans;
}

/** 2–4 buildings (or the listed count) on the free slots of the micro-grid. */
function generatedBuildings(
  micro: ResidentialMicroGrid,
  keepOut: Rect[],
  allocate: (estate: string) => number,
): BuildingDef[] {
  const count =
    typeof micro.def.buildings === 'number' ? micro.def.buildings : prng(micro.microGridId).int(2, 4);
  const free = SLOTS.filter((at) => {
    const point = pointAt(micro.rect, at);
    return !keepOut.some((r) => rectContains(r, point));
  });
  if (free.length < count)
    throw new Error(`demo: ${micro.microGridId} has room for ${free.length} buildings, not ${count}`);
  return free.slice(0, count).map((at) => {
    const no = allocate(micro.estate);
    const random = prng(`${micro.microGridId}/${micro.estate}/${no}`);
    return { no, at, floors: random.pick(FLOOR_CHOICES), units: random.int(1, 3) };
  });
}

/** Households on distinct (unit, floor, door) places of the building, drawn from its own stream. */
function generateHouseholds(plan: BuildingPlan): Household[] {
  const { doc } = plan;
  const floors = doc.floors ?? 6;
  const places: Array<{ unit: number; floor: number; door: number }> = [];
  for (let unit = 1; unit <= plan.units; unit++) {
    for (let floor = 1; floor <= floors; floor++) {
      for (let door = 1; door <= DOORS_PER_FLOOR; door++) places.push({ unit, floor, door });
    }
  }
  const random = prng(`${doc._id}/places`);
  // Fisher–Yates with the seeded stream: which flats are on the ledger.
  for (let i = places.length - 1; i > 0; i--) {
    const j = random.int(0, i);
    const a = places[i];
    const b = places[j];
    if (a && b) [places[i], places[j]] = [b, a];
  }
  return places.slice(0, Math.min(plan.households, places.length)).map(({ unit, floor, door }) => {
    const tags = TAG_RATES.filter(([, rate]) => random.next() < rate).map(([tag]) => tag);
    return householdDoc(plan, unit, roomOf(floor, door), tags);
  });
}

/** 7th floor, door 1 → '701' */
function roomOf(floor: number, door: number): string {
  return `${floor}${String(door).padStart(2, '0')}`;
}

function householdDoc(plan: BuildingPlan, unit: number, room: string, tags: HouseholdTag[]): Household {
  const building = plan.doc;
  return {
    _id: demoIds.household(plan.communityKey, plan.estate, plan.no, unit, room),
    communityId: building.communityId,
    gridId: building.gridId,
    microGridId: building.microGridId,
    buildingId: building._id,
    unit: unitName(unit),
    room,
    tags,
  };
}

/** The resident's household, added if the generator left that flat out; the resident's tags are merged in. */
function ensureHome(
  def: CommunityDef,
  plans: BuildingPlan[],
  households: Map<string, Household[]>,
  home: HomeRef,
  tags: HouseholdTag[],
): void {
  const buildingId = demoIds.building(def.key, home.estate, home.building);
  const plan = plans.find((p) => p.doc._id === buildingId);
  const where = `${def.name} ${home.estate} ${buildingName(home.building)} ${home.unit}单元 ${home.room}`;
  if (!plan) throw new Error(`demo: no building for the home ${where}`);
  const floor = Math.floor(Number(home.room) / 100);
  if (home.unit < 1 || home.unit > plan.units || floor < 1 || floor > (plan.doc.floors ?? 0)) {
    throw new Error(
      `demo: the home ${where} is not in the building (${plan.units} units, ${plan.doc.floors} floors)`,
    );
  }
  const list = households.get(buildingId) ?? [];
  const id = demoIds.household(def.key, home.estate, home.building, home.unit, home.room);
  let household = list.find((h) => h._id === id);
  if (!household) {
    household = householdDoc(plan, home.unit, home.room, []);
    list.push(household);
    households.set(buildingId, list);
  }
  for (const tag of tags) if (!household.tags.includes(tag)) household.tags.push(tag);
}

/**
 * Turns the demo definition into the documents of every collection. Pure and deterministic: the same
 * definition gives the same documents, ids and polygons on every run and machine.
 */
import { buildLedger } from './buildings';
import { demoDefinition } from './definition';
import { buildPeople } from './people';
import { layoutCommunity } from './places';
import type { CommunityDef, DemoData } from './types';

/** Every document of the demo world (or of the given communities). */
export function buildDemo(definition: readonly CommunityDef[] = demoDefinition): DemoData {
  const data: DemoData = {
    communities: [],
    grids: [],
    microGrids: [],
    estates: [],
    buildings: [],
    households: [],
    members: [],
    users: [],
  };
  const phoneSerial = { next: 1 };
  for (const def of definition) {
    const layout = layoutCommunity(def);
    const ledger = buildLedger(def, layout.residential, layout.exclusiveParts);
    const people = buildPeople(def, phoneSerial);
    data.communities.push({ ...layout.community, secretaryUserId: people.secretaryUserId });
    data.grids.push(...layout.grids);
    data.microGrids.push(...layout.microGrids);
    data.estates.push(...ledger.estates);
    data.buildings.push(...ledger.buildings);
    data.households.push(...ledger.households);
    data.members.push(...people.members);
    data.users.push(...people.users);
  }
  return data;
}

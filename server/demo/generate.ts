/**
 * Turns the demo definition into the documents of every collection. Pure and deterministic: the same
 * definition gives the same documents, ids and polygons on every run and machine.
 */
import { buildLedger } from './buildings';
import { demoDefinition, demoStreets } from './definition';
import { addStreets } from './streets';
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
    streets: [],
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
  const keys = new Set(definition.map((d) => d.key));
  const streets = demoStreets
    .map((s) => ({ ...s, communities: s.communities.filter((k) => keys.has(k)) }))
    .filter((s) => s.communities.length > 0);
  addStreets(data, streets, (id) => id.replace(/^c_/, ''));
  return data;
}

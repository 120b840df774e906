/**
 * A small grid map near Lanzhou with round coordinates, so that points exactly on edges and vertices are
 * exact in floating point. Lng 103.800–103.832, lat 36.000–36.010.
 */
import type { Boundary, Community, Grid, Member, MicroGrid, Position } from '../../server/core/grids/model';
import { SqliteStore } from '../../server/adapters/sqlite/sqlite-store';

export function rect(x0: number, y0: number, x1: number, y1: number): Position[] {
  return [
    [x0, y0],
    [x1, y0],
    [x1, y1],
    [x0, y1],
    [x0, y0],
  ];
}

const poly = (...rings: Position[][]): Boundary => ({ type: 'Polygon', coordinates: rings });

export const community: Community = {
  _id: 'c1',
  name: '测试社区',
  city: '兰州市',
  district: '城关区',
  street: '测试街道',
  center: { lat: 36.005, lng: 103.805 },
  config: { nearMissMetres: 50 },
  secretaryUserId: 'u-secretary',
};

const grid = (
  id: string,
  name: string,
  sort: number,
  kind: Grid['kind'] = 'community',
  unitName: string | null = null,
): Grid => ({
  _id: id,
  communityId: 'c1',
  name,
  kind,
  unitName,
  boundary: null,
  sort,
});
const micro = (
  id: string,
  gridId: string,
  name: string,
  sort: number,
  boundary: Boundary | null,
): MicroGrid => ({
  _id: id,
  communityId: 'c1',
  gridId,
  name,
  boundary,
  sort,
});

export const grids: Grid[] = [
  grid('g1', '第一网格', 1),
  grid('g2', '第二网格', 2),
  grid('g3', '第三网格', 10, 'exclusive', '海亮实验学校'),
  grid('g4', '第四网格', 3),
];

export const microGrids: MicroGrid[] = [
  micro('m1a', 'g1', '1号微网格', 1, poly(rect(103.8, 36.0, 103.805, 36.005))),
  micro('m1b', 'g1', '2号微网格', 2, poly(rect(103.805, 36.0, 103.81, 36.005))),
  // A ring with a hole; the hole is its own micro-grid.
  micro(
    'm2a',
    'g2',
    '1号微网格',
    1,
    poly(rect(103.8, 36.005, 103.81, 36.01), rect(103.803, 36.007, 103.807, 36.009)),
  ),
  micro('m2b', 'g2', '2号微网格', 2, poly(rect(103.803, 36.007, 103.807, 36.009))),
  // The school overlaps the first grid's second micro-grid.
  micro('m3', 'g3', '1号微网格', 1, poly(rect(103.807, 36.001, 103.809, 36.003))),
  micro('m4', 'g4', '1号微网格', 1, {
    type: 'MultiPolygon',
    coordinates: [[rect(103.82, 36.0, 103.822, 36.002)], [rect(103.83, 36.0, 103.832, 36.002)]],
  }),
];

const member = (
  id: string,
  gridId: string,
  microGridId: string | null,
  userId: string,
  duty: Member['duty'],
  primary: boolean,
  onDuty: boolean,
): Member => ({
  _id: id,
  communityId: 'c1',
  gridId,
  microGridId,
  userId,
  duty,
  primary,
  onDuty,
});

export const members: Member[] = [
  member('mb1', 'g1', null, 'u-leader1', 'leader', true, true),
  member('mb2', 'g1', 'm1a', 'u-w1', 'worker', true, true),
  member('mb3', 'g1', 'm1a', 'u-w2', 'worker', false, true),
  member('mb4', 'g1', 'm1b', 'u-w3', 'worker', true, false),
  member('mb5', 'g2', null, 'u-leader2', 'leader', true, true),
  member('mb6', 'g3', 'm3', 'u-w4', 'worker', true, true),
];

/** A fresh in-memory store holding the map above. */
export async function seededStore(): Promise<SqliteStore> {
  const store = new SqliteStore(':memory:');
  await store.insert('communities', community);
  await store.insertMany('grids', grids);
  await store.insertMany('microGrids', microGrids);
  await store.insertMany('members', members);
  await store.insert('estates', { _id: 'e1', communityId: 'c1', name: '测试小区' });
  await store.insert('buildings', {
    _id: 'b1',
    communityId: 'c1',
    estateId: 'e1',
    name: '3号楼',
    gridId: 'g1',
    microGridId: 'm1a',
    location: null,
    floors: 6,
  });
  return store;
}

/**
 * A near miss between two neighbours that share an edge: when the point is (to within a millimetre) as far
 * from one as from the other, the routing priority decides, as it does for a point on the shared edge, not
 * the last bits of two floats computed from different segments.
 */
import type { Position } from '../../server/core/grids/model';
import { RoutingIndex, type GridMapSnapshot } from '../../server/core/routing/routing-index';
import { rect } from './fixture';

function twoNeighbours(options: { bSort: number; bCornerLat: number }): GridMapSnapshot {
  // A and B share the edge lng 103.801 from lat 36.000 to 36.001; B's south-west corner may move south.
  const b: Position[] = [
    [103.801, options.bCornerLat],
    [103.802, 36.0],
    [103.802, 36.001],
    [103.801, 36.001],
    [103.801, options.bCornerLat],
  ];
  return {
    communities: [{ _id: 'c1', name: '测试社区', config: { nearMissMetres: 50 } }],
    grids: [
      {
        _id: 'g1',
        communityId: 'c1',
        name: '第一网格',
        kind: 'community',
        unitName: null,
        boundary: null,
        sort: 1,
      },
    ],
    microGrids: [
      {
        _id: 'mA',
        communityId: 'c1',
        gridId: 'g1',
        name: '1号微网格',
        sort: 1,
        boundary: { type: 'Polygon', coordinates: [rect(103.8, 36.0, 103.801, 36.001)] },
      },
      {
        _id: 'mB',
        communityId: 'c1',
        gridId: 'g1',
        name: '2号微网格',
        sort: options.bSort,
        boundary: { type: 'Polygon', coordinates: [b] },
      },
    ],
  };
}

// 0.0002° south of the shared vertex (103.801, 36.000): about 22 m from both neighbours.
const SOUTH_OF_SHARED_VERTEX = { lng: 103.801, lat: 35.9998 };

describe('a near-miss tie between neighbours sharing an edge', () => {
  it('goes to the higher priority when the other is closer by a float rounding only', () => {
    // B's corner 1e-11° (about a micrometre) further south: strictly closer, but not by anything measurable.
    const index = new RoutingIndex(twoNeighbours({ bSort: 2, bCornerLat: 36.0 - 1e-11 }));
    expect(index.locate(SOUTH_OF_SHARED_VERTEX)).toMatchObject({
      rule: 'nearMiss',
      place: { microGridId: 'mA' },
    });
  });

  it('follows the priority order, not the scan order: with B first in priority, B wins the same tie', () => {
    const index = new RoutingIndex(twoNeighbours({ bSort: 0, bCornerLat: 36.0 - 1e-11 }));
    expect(index.locate(SOUTH_OF_SHARED_VERTEX)?.place.microGridId).toBe('mB');
    const exact = new RoutingIndex(twoNeighbours({ bSort: 0, bCornerLat: 36.0 }));
    expect(exact.locate(SOUTH_OF_SHARED_VERTEX)?.place.microGridId).toBe('mB');
  });

  it('still goes to the nearer neighbour when it is nearer by a measurable distance', () => {
    // B's corner 2e-5° (about 2.2 m) further south.
    const index = new RoutingIndex(twoNeighbours({ bSort: 2, bCornerLat: 36.0 - 2e-5 }));
    const located = index.locate(SOUTH_OF_SHARED_VERTEX);
    expect(located).toMatchObject({ rule: 'nearMiss', place: { microGridId: 'mB' } });
    expect(located?.rule === 'nearMiss' && located.distanceMetres).toBeCloseTo(22.24 - 2.22, 0);
  });
});

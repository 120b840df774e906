/**
 * Routing benchmark (issue 3): synthetic city grid maps of 1,000 / 10,000 / 100,000 micro-grids — blocks of
 * 20–60-vertex polygons sharing jittered edges, ~3% gaps, ~2% exclusive grids (irregular round polygons)
 * overlapping the community grids — and 100,000 random points routed through the project's index, plus a
 * sample through a naive scan that tests every polygon with @turf/boolean-point-in-polygon (the full scan is
 * far too slow at 100k × 100k). Both must pick the same micro-grid for every sampled point, or this fails.
 *
 *   npm run bench:routing            (sizes: BENCH_SIZES=1000,10000 to run fewer)
 *
 * What is timed is `RoutingIndex.locate`, the part of `route()` that scales with the map; `route()` adds a
 * few store reads by id for the assignee. The last line printed is one JSON object.
 */
import booleanPointInPolygon from '@turf/boolean-point-in-polygon';
import type { Community, Grid, MicroGrid, Position } from '../server/core/grids/model';
import { METRES_PER_DEGREE } from '../server/core/routing/geometry';
import {
  DISTANCE_TIE_METRES,
  routableMicroGrids,
  RoutingIndex,
  type GridMapSnapshot,
} from '../server/core/routing/routing-index';

const POINTS = 100_000;
const NAIVE_SAMPLE: Record<number, number> = { 1000: 5000, 10000: 1000, 100000: 200 };
const CELL_LAT = 0.00135; // ≈ 150 m
const CELL_LNG = 0.00167; // ≈ 150 m at 36°N
const ORIGIN = { lng: 103.6, lat: 35.9 };

function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A number in [0,1) fixed by the integers given: shared edges get the same jitter from both sides. */
function hashUnit(...ns: number[]): number {
  let h = 2166136261;
  for (const n of ns) {
    h ^= n;
    h = Math.imul(h, 16777619);
    h ^= h >>> 13;
  }
  return ((h >>> 0) % 1_000_003) / 1_000_003;
}

function corner(c: number, r: number): Position {
  return [
    ORIGIN.lng + (c + (hashUnit(c, r, 1) - 0.5) * 0.12) * CELL_LNG,
    ORIGIN.lat + (r + (hashUnit(c, r, 2) - 0.5) * 0.12) * CELL_LAT,
  ];
}

/** Interior points of the edge from corner (c0,r0) to (c1,r1), in that direction; 4–13 of them. */
function edgePoints(c0: number, r0: number, c1: number, r1: number): Position[] {
  const forward = c0 < c1 || r0 < r1;
  const [ac, ar, bc, br] = forward ? [c0, r0, c1, r1] : [c1, r1, c0, r0];
  const a = corner(ac, ar);
  const b = corner(bc, br);
  const horizontal = ar === br;
  const k = 4 + Math.floor(hashUnit(ac, ar, horizontal ? 3 : 4) * 10);
  const pts: Position[] = [];
  for (let i = 1; i <= k; i++) {
    const t = i / (k + 1);
    const off = (hashUnit(ac, ar, i, horizontal ? 5 : 6) - 0.5) * 0.08;
    pts.push(
      horizontal
        ? [a[0] + (b[0] - a[0]) * t, a[1] + (b[1] - a[1]) * t + off * CELL_LAT]
        : [a[0] + (b[0] - a[0]) * t + off * CELL_LNG, a[1] + (b[1] - a[1]) * t],
    );
  }
  return forward ? pts : pts.reverse();
}

function cellRing(c: number, r: number): Position[] {
  const ring: Position[] = [
    corner(c, r),
    ...edgePoints(c, r, c + 1, r),
    corner(c + 1, r),
    ...edgePoints(c + 1, r, c + 1, r + 1),
  ];
  ring.push(
    corner(c + 1, r + 1),
    ...edgePoints(c + 1, r + 1, c, r + 1),
    corner(c, r + 1),
    ...edgePoints(c, r + 1, c, r),
    corner(c, r),
  );
  return ring;
}

function roundRing(cx: number, cy: number, radius: number, vertices: number, rand: () => number): Position[] {
  const ring: Position[] = [];
  for (let i = 0; i < vertices; i++) {
    const angle = (i / vertices) * 2 * Math.PI;
    const rr = radius * (0.75 + rand() * 0.25);
    ring.push([cx + Math.cos(angle) * rr * CELL_LNG, cy + Math.sin(angle) * rr * CELL_LAT]);
  }
  ring.push(ring[0]!);
  return ring;
}

function syntheticCity(size: number): GridMapSnapshot & { extent: [number, number, number, number] } {
  const rand = rng(size);
  const exclusiveCount = Math.round(size * 0.02);
  const cellTarget = size - exclusiveCount;
  const side = Math.ceil(Math.sqrt(cellTarget / 0.97));
  const communities: Community[] = [];
  const grids: Grid[] = [];
  const microGrids: MicroGrid[] = [];
  const communityOf = (c: number, r: number) => `c${Math.floor(c / 50)}_${Math.floor(r / 50)}`;
  const seenCommunities = new Set<string>();
  const gridIds = new Set<string>();
  for (let r = 0; r < side && microGrids.length < cellTarget; r++) {
    for (let c = 0; c < side && microGrids.length < cellTarget; c++) {
      if (rand() < 0.03) continue; // a gap: no micro-grid here
      const communityId = communityOf(c, r);
      if (!seenCommunities.has(communityId)) {
        seenCommunities.add(communityId);
        communities.push({
          _id: communityId,
          name: communityId,
          city: '兰州市',
          district: '',
          street: '',
          center: { lat: 0, lng: 0 },
          config: { nearMissMetres: 50 },
        });
      }
      const gridId = `${communityId}_g${Math.floor(c / 4)}_${Math.floor(r / 4)}`;
      if (!gridIds.has(gridId)) {
        gridIds.add(gridId);
        grids.push({
          _id: gridId,
          communityId,
          name: gridId,
          kind: 'community',
          unitName: null,
          boundary: null,
          sort: (Math.floor(r / 4) * 1000 + Math.floor(c / 4)) % 997,
        });
      }
      microGrids.push({
        _id: `m${c}_${r}`,
        communityId,
        gridId,
        name: `m${c}_${r}`,
        boundary: { type: 'Polygon', coordinates: [cellRing(c, r)] },
        sort: (r % 4) * 4 + (c % 4),
      });
    }
  }
  for (let i = 0; i < exclusiveCount; i++) {
    const c = Math.floor(rand() * side);
    const r = Math.floor(rand() * side);
    const communityId = communityOf(c, r);
    if (!seenCommunities.has(communityId)) {
      seenCommunities.add(communityId);
      communities.push({
        _id: communityId,
        name: communityId,
        city: '兰州市',
        district: '',
        street: '',
        center: { lat: 0, lng: 0 },
        config: { nearMissMetres: 50 },
      });
    }
    const gridId = `x${i}`;
    grids.push({
      _id: gridId,
      communityId,
      name: gridId,
      kind: 'exclusive',
      unitName: `单位${i}`,
      boundary: null,
      sort: 100 + (i % 50),
    });
    const ring = roundRing(
      ORIGIN.lng + (c + rand()) * CELL_LNG,
      ORIGIN.lat + (r + rand()) * CELL_LAT,
      0.4 + rand() * 0.6,
      20 + Math.floor(rand() * 41),
      rand,
    );
    microGrids.push({
      _id: `mx${i}`,
      communityId,
      gridId,
      name: `mx${i}`,
      boundary: { type: 'Polygon', coordinates: [ring] },
      sort: 1,
    });
  }
  const pad = 0.02 * side;
  return {
    communities,
    grids,
    microGrids,
    extent: [
      ORIGIN.lng - pad * CELL_LNG,
      ORIGIN.lat - pad * CELL_LAT,
      ORIGIN.lng + (side + pad) * CELL_LNG,
      ORIGIN.lat + (side + pad) * CELL_LAT,
    ],
  };
}

/**
 * The naive router: every polygon, in priority order, through turf; else by brute force the nearest within
 * 50 m, distances within DISTANCE_TIE_METRES of the smallest going to the first in priority order.
 */
function naiveRouter(map: GridMapSnapshot) {
  const entries = routableMicroGrids(map);
  return (lng: number, lat: number): string | null => {
    const pt: [number, number] = [lng, lat];
    for (const e of entries) if (booleanPointInPolygon(pt, e.boundary)) return e.place.microGridId;
    const kx = METRES_PER_DEGREE * Math.cos((lat * Math.PI) / 180);
    const nearest = entries.map((e) => {
      let d = Infinity;
      const polys = e.boundary.type === 'Polygon' ? [e.boundary.coordinates] : e.boundary.coordinates;
      for (const poly of polys)
        for (const ring of poly)
          for (let i = 1; i < ring.length; i++)
            d = Math.min(d, pointSegmentMetres(lng, lat, ring[i - 1]!, ring[i]!, kx));
      return d <= e.toleranceMetres ? d : Infinity;
    });
    const smallest = Math.min(...nearest);
    if (smallest === Infinity) return null;
    return entries[nearest.findIndex((d) => d <= smallest + DISTANCE_TIE_METRES)]!.place.microGridId;
  };
}

function pointSegmentMetres(lng: number, lat: number, a: Position, b: Position, kx: number): number {
  const ax = (a[0] - lng) * kx;
  const ay = (a[1] - lat) * METRES_PER_DEGREE;
  const bx = (b[0] - lng) * kx;
  const by = (b[1] - lat) * METRES_PER_DEGREE;
  const dx = bx - ax;
  const dy = by - ay;
  const len = dx * dx + dy * dy;
  const t = len ? Math.max(0, Math.min(1, -(ax * dx + ay * dy) / len)) : 0;
  return Math.hypot(ax + t * dx, ay + t * dy);
}

function memoryMB(): number {
  (globalThis as { gc?: () => void }).gc?.();
  const m = process.memoryUsage();
  return (m.heapUsed + m.arrayBuffers) / 1048576;
}

function percentile(sorted: Float64Array, p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))]!;
}

interface SizeResult {
  microGrids: number;
  routesPerSec: number;
  p50Us: number;
  p99Us: number;
  buildMs: number;
  heapMB: number;
  naiveRoutesPerSec: number;
  naiveSample: number;
  speedupVsNaive: number;
  vertices: number;
}

/** Builds the index from a map nothing else holds, as the warm cache does, so that GC can take the map. */
function buildFromFreshMap(size: number): { index: RoutingIndex; buildMs: number } {
  const map = syntheticCity(size);
  const t0 = performance.now();
  const index = new RoutingIndex(map);
  return { index, buildMs: performance.now() - t0 };
}

function runSize(size: number): SizeResult {
  const map = syntheticCity(size);
  const vertices = map.microGrids.reduce(
    (s, m) => s + (m.boundary?.type === 'Polygon' ? m.boundary.coordinates[0]!.length - 1 : 0),
    0,
  );
  const rand = rng(size * 7 + 1);
  const [x0, y0, x1, y1] = map.extent;
  const xs = new Float64Array(POINTS);
  const ys = new Float64Array(POINTS);
  for (let i = 0; i < POINTS; i++) {
    xs[i] = x0 + rand() * (x1 - x0);
    ys[i] = y0 + rand() * (y1 - y0);
  }

  // Retained memory: the index alone, after its source map (as loadGridMap reads it) is gone and GC ran.
  const before = memoryMB();
  const { index, buildMs } = buildFromFreshMap(size);
  const heapMB = memoryMB() - before;

  // Throughput: one tight pass. Latency: a second pass timing each call.
  const answers: Array<string | null> = new Array(POINTS);
  const point = { lng: 0, lat: 0 };
  const t1 = performance.now();
  for (let i = 0; i < POINTS; i++) {
    point.lng = xs[i]!;
    point.lat = ys[i]!;
    answers[i] = index.locate(point)?.place.microGridId ?? null;
  }
  const routesPerSec = POINTS / ((performance.now() - t1) / 1000);
  const lat = new Float64Array(POINTS);
  for (let i = 0; i < POINTS; i++) {
    point.lng = xs[i]!;
    point.lat = ys[i]!;
    const s = process.hrtime.bigint();
    index.locate(point);
    lat[i] = Number(process.hrtime.bigint() - s) / 1000;
  }
  lat.sort();

  const naive = naiveRouter(map);
  const sample = Math.min(NAIVE_SAMPLE[size] ?? 200, POINTS);
  const step = Math.floor(POINTS / sample);
  const t2 = performance.now();
  let mismatches = 0;
  for (let k = 0; k < sample; k++) {
    const i = k * step;
    const expected = naive(xs[i]!, ys[i]!);
    if (expected !== answers[i]) {
      mismatches++;
      if (mismatches <= 5)
        console.error(`MISMATCH at [${xs[i]}, ${ys[i]}]: index ${answers[i]} vs naive ${expected}`);
    }
  }
  const naiveRoutesPerSec = sample / ((performance.now() - t2) / 1000);
  if (mismatches > 0) {
    console.error(`FAIL: ${mismatches} of ${sample} sampled points disagree at ${size} micro-grids`);
    process.exit(1);
  }
  const outside = answers.filter((a) => a === null).length;
  const r: SizeResult = {
    microGrids: index.size,
    routesPerSec: Math.round(routesPerSec),
    p50Us: +percentile(lat, 0.5).toFixed(2),
    p99Us: +percentile(lat, 0.99).toFixed(2),
    buildMs: +buildMs.toFixed(1),
    heapMB: +heapMB.toFixed(1),
    naiveRoutesPerSec: +naiveRoutesPerSec.toFixed(1),
    naiveSample: sample,
    speedupVsNaive: Math.round(routesPerSec / naiveRoutesPerSec),
    vertices,
  };
  console.log(
    `${String(r.microGrids).padStart(7)} micro-grids (${vertices} vertices): ${r.routesPerSec.toLocaleString('en')} routes/s, ` +
      `p50 ${r.p50Us} µs, p99 ${r.p99Us} µs, build ${r.buildMs} ms, retained after GC ${r.heapMB} MB; ` +
      `naive ${r.naiveRoutesPerSec} routes/s on ${sample} sampled points (all agree), speed-up ${r.speedupVsNaive}×; ` +
      `${outside} of ${POINTS} points outside every polygon and beyond 50 m`,
  );
  return r;
}

const sizes = (process.env.BENCH_SIZES ?? '1000,10000,100000').split(',').map(Number);
console.log(
  `routing benchmark: ${POINTS.toLocaleString('en')} random points per size, one core, node ${process.version}`,
);
const results = sizes.map(runSize);
console.log(JSON.stringify({ sizes: results }));

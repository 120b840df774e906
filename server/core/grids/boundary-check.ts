/**
 * Checks an imported boundary before it is stored: GeoJSON Polygon or MultiPolygon in [lng, lat] order, each
 * ring closed with at least 4 positions, no ring crossing itself, and inside China's span — a point whose
 * "longitude" looks like a Chinese latitude and vice versa is reported as swapped. Messages are for people.
 */
import type { Boundary, Position } from './model';

/** China's rough span: a boundary outside it is a mistake here (most often lat/lng swapped). */
const LNG_RANGE: [number, number] = [73, 136];
const LAT_RANGE: [number, number] = [3, 54];

const within = (v: number, [lo, hi]: [number, number]) => v >= lo && v <= hi;

/** Every problem with the geometry, in Chinese; empty when it is usable. */
export function checkBoundary(geometry: unknown): { boundary: Boundary | null; problems: string[] } {
  const g = geometry as { type?: unknown; coordinates?: unknown } | null;
  if (!g || typeof g !== 'object') return { boundary: null, problems: ['缺少边界几何（geometry）'] };
  if (g.type !== 'Polygon' && g.type !== 'MultiPolygon') {
    return {
      boundary: null,
      problems: [`边界类型必须是 Polygon 或 MultiPolygon，收到的是 ${String(g.type)}`],
    };
  }
  const polygons = g.type === 'Polygon' ? [g.coordinates] : g.coordinates;
  if (!Array.isArray(polygons) || polygons.length === 0)
    return { boundary: null, problems: ['边界没有坐标'] };
  const problems: string[] = [];
  polygons.forEach((polygon, p) => {
    const where = g.type === 'MultiPolygon' ? `第 ${p + 1} 个多边形的` : '';
    if (!Array.isArray(polygon) || polygon.length === 0) {
      problems.push(`${where}坐标不是环的数组`);
      return;
    }
    polygon.forEach((ring, r) =>
      problems.push(...checkRing(ring, `${where}${r === 0 ? '外环' : `第 ${r} 个内环（洞）`}`)),
    );
  });
  return problems.length ? { boundary: null, problems } : { boundary: g as Boundary, problems };
}

function checkRing(ring: unknown, name: string): string[] {
  if (!Array.isArray(ring)) return [`${name}不是坐标数组`];
  if (
    !ring.every(
      (pos) =>
        Array.isArray(pos) &&
        pos.length >= 2 &&
        pos.every((v) => typeof v === 'number' && Number.isFinite(v)),
    )
  ) {
    return [`${name}的坐标必须是 [经度, 纬度] 两个数字`];
  }
  const positions = ring as Position[];
  if (positions.length < 4) return [`${name}只有 ${positions.length} 个点，至少需要 4 个点（首尾为同一点）`];
  const problems: string[] = [];
  const first = positions[0]!;
  const last = positions[positions.length - 1]!;
  if (first[0] !== last[0] || first[1] !== last[1])
    problems.push(`${name}未闭合：最后一个点必须与第一个点相同`);

  const outside = positions.findIndex(([lng, lat]) => !within(lng, LNG_RANGE) || !within(lat, LAT_RANGE));
  if (outside >= 0) {
    const [lng, lat] = positions[outside]!;
    problems.push(
      within(lng, LAT_RANGE) && within(lat, LNG_RANGE)
        ? `${name}第 ${outside + 1} 个点 [${lng}, ${lat}] 疑似经纬度颠倒：GeoJSON 的顺序是 [经度, 纬度]`
        : `${name}第 ${outside + 1} 个点 [${lng}, ${lat}] 超出中国范围（经度 73–136，纬度 3–54）`,
    );
    return problems;
  }
  if (problems.length === 0) {
    const crossing = selfIntersection(positions);
    if (crossing) problems.push(`${name}自相交：第 ${crossing[0] + 1} 条边与第 ${crossing[1] + 1} 条边相交`);
  }
  return problems;
}

/** The first pair of non-adjacent edges that touch or cross, if any (O(n²): rings here have tens of points). */
function selfIntersection(ring: Position[]): [number, number] | null {
  const pts = ring.filter((p, i) => i === 0 || p[0] !== ring[i - 1]![0] || p[1] !== ring[i - 1]![1]);
  const n = pts.length - 1; // edges; pts is closed
  if (n < 3) return [0, 0];
  for (let i = 0; i < n; i++) {
    for (let j = i + 1; j < n; j++) {
      if (j === i + 1 || (i === 0 && j === n - 1)) continue;
      if (segmentsTouch(pts[i]!, pts[i + 1]!, pts[j]!, pts[j + 1]!)) return [i, j];
    }
  }
  return null;
}

function orient(a: Position, b: Position, c: Position): number {
  const v = (b[0] - a[0]) * (c[1] - a[1]) - (b[1] - a[1]) * (c[0] - a[0]);
  return v > 0 ? 1 : v < 0 ? -1 : 0;
}

function onSeg(a: Position, b: Position, c: Position): boolean {
  return (
    Math.min(a[0], b[0]) <= c[0] &&
    c[0] <= Math.max(a[0], b[0]) &&
    Math.min(a[1], b[1]) <= c[1] &&
    c[1] <= Math.max(a[1], b[1])
  );
}

function segmentsTouch(p1: Position, p2: Position, q1: Position, q2: Position): boolean {
  const o1 = orient(p1, p2, q1);
  const o2 = orient(p1, p2, q2);
  const o3 = orient(q1, q2, p1);
  const o4 = orient(q1, q2, p2);
  if (o1 !== o2 && o3 !== o4) return true;
  return (
    (o1 === 0 && onSeg(p1, p2, q1)) ||
    (o2 === 0 && onSeg(p1, p2, q2)) ||
    (o3 === 0 && onSeg(q1, q2, p1)) ||
    (o4 === 0 && onSeg(q1, q2, p2))
  );
}

import { checkBoundary } from '../../server/core/grids/boundary-check';
import { rect } from '../routing/fixture';

describe('checking a boundary before import', () => {
  it('accepts a polygon with a hole and a MultiPolygon', () => {
    expect(
      checkBoundary({
        type: 'Polygon',
        coordinates: [rect(103.8, 36, 103.81, 36.01), rect(103.803, 36.003, 103.806, 36.006)],
      }).problems,
    ).toEqual([]);
    expect(
      checkBoundary({
        type: 'MultiPolygon',
        coordinates: [[rect(103.8, 36, 103.81, 36.01)], [rect(103.82, 36, 103.83, 36.01)]],
      }).problems,
    ).toEqual([]);
  });

  it('refuses a self-intersecting ring (a bow tie)', () => {
    const bowTie = [
      [103.8, 36.0],
      [103.81, 36.01],
      [103.81, 36.0],
      [103.8, 36.01],
      [103.8, 36.0],
    ];
    const { boundary, problems } = checkBoundary({ type: 'Polygon', coordinates: [bowTie] });
    expect(boundary).toBeNull();
    expect(problems).toEqual(['外环自相交：第 1 条边与第 3 条边相交']);
  });

  it('refuses an unclosed ring', () => {
    const open = rect(103.8, 36, 103.81, 36.01)
      .slice(0, 4)
      .concat([[103.8, 36.005]]);
    expect(checkBoundary({ type: 'Polygon', coordinates: [open] }).problems).toEqual([
      '外环未闭合：最后一个点必须与第一个点相同',
    ]);
  });

  it('refuses a ring with too few points', () => {
    const tiny = [
      [103.8, 36.0],
      [103.81, 36.0],
      [103.8, 36.0],
    ];
    expect(checkBoundary({ type: 'Polygon', coordinates: [tiny] }).problems).toEqual([
      '外环只有 3 个点，至少需要 4 个点（首尾为同一点）',
    ]);
  });

  it('hints that latitude and longitude were swapped', () => {
    const swapped = rect(36, 103.8, 36.01, 103.81);
    const [problem] = checkBoundary({ type: 'Polygon', coordinates: [swapped] }).problems;
    expect(problem).toBe('外环第 1 个点 [36, 103.8] 疑似经纬度颠倒：GeoJSON 的顺序是 [经度, 纬度]');
  });

  it('refuses coordinates far outside China', () => {
    const [problem] = checkBoundary({
      type: 'Polygon',
      coordinates: [rect(2.35, 48.85, 2.36, 48.86)],
    }).problems;
    expect(problem).toContain('超出中国范围');
  });

  it('names the hole and the polygon of a MultiPolygon that is wrong', () => {
    const openHole = rect(103.803, 36.003, 103.806, 36.006)
      .slice(0, 4)
      .concat([[103.804, 36.004]]);
    const { problems } = checkBoundary({
      type: 'MultiPolygon',
      coordinates: [[rect(103.82, 36, 103.83, 36.01)], [rect(103.8, 36, 103.81, 36.01), openHole]],
    });
    expect(problems).toEqual(['第 2 个多边形的第 1 个内环（洞）未闭合：最后一个点必须与第一个点相同']);
  });

  it('refuses a geometry that is not a polygon', () => {
    expect(checkBoundary({ type: 'Point', coordinates: [103.8, 36] }).problems).toEqual([
      '边界类型必须是 Polygon 或 MultiPolygon，收到的是 Point',
    ]);
  });
});

/** The text-size factor: the user's WeChat font size within [1, 2], and at least 关怀模式's 1.4 with 大字模式. */
import { largeTextScale, maxTextScale, textScale, textSize } from '../../miniprogram/theme/text-scale';

describe('text scale', () => {
  test('follows WeChat between the standard and twice the size', () => {
    expect(textScale(1.15, false)).toBe(1.15);
    expect(textScale(16 / 17, false)).toBe(1);
    expect(textScale(3, false)).toBe(maxTextScale);
    expect(textScale(undefined, false)).toBe(1);
    expect(textScale(Number.NaN, false)).toBe(1);
  });

  test('大字模式 lifts it to the 关怀模式 size, and a larger WeChat size still wins', () => {
    expect(textScale(1, true)).toBe(largeTextScale);
    expect(textScale(undefined, true)).toBe(largeTextScale);
    expect(textScale(1.75, true)).toBe(1.75);
  });

  test('the page-meta attributes carry the factor', () => {
    expect(textSize(1.4, true)).toEqual({
      scale: 1.4,
      large: true,
      pageStyle: '--gl-scale: 1.4;',
      rootFontSize: '22.4px',
    });
  });
});

/**
 * One text-size mechanism on every page: each page of app.json uses textSizeBehavior and starts its
 * template with the page-meta that sets --gl-scale; every font-size in every stylesheet is written as a
 * multiple of --gl-scale, so the user's WeChat font size and 大字模式 reach all text; none is drawn below
 * 24rpx (12 px) at the standard size.
 */
import { appPages, readSource, sourceFiles } from './checks/sources';
import { allElements, parseWxml } from './checks/wxml';
import { parseWxss } from './checks/wxss';

const smallest = 24;

/** Font sizes that do not follow --gl-scale or are too small, as 'selector { font-size: … }'. */
export function fixedOrTiny(stylesheet: string): string[] {
  const found: string[] = [];
  for (const rule of parseWxss(stylesheet)) {
    const value = rule.declarations.get('font-size');
    if (value === undefined || value === 'inherit') continue;
    const m = /^calc\(\s*([\d.]+)rpx\s*\*\s*var\(--gl-scale\)\s*\)$/.exec(value);
    if (!m || Number(m[1]) < smallest) found.push(`${rule.selectors.join(', ')} { font-size: ${value} }`);
  }
  return found;
}

describe('text size follows WeChat and 大字模式 on every page', () => {
  test.each(appPages())('%s binds textSize in its page-meta and uses the Behavior', (page) => {
    const first = allElements(parseWxml(readSource(`${page}.wxml`)))[0]!;
    expect(first.tag).toBe('page-meta');
    expect(first.attributes.get('page-style')).toBe('{{textSize.pageStyle}}');
    expect(first.attributes.get('root-font-size')).toBe('{{textSize.rootFontSize}}');
    expect(readSource(`${page}.ts`)).toMatch(/behaviors:\s*\[[^\]]*\btextSizeBehavior\b/);
  });

  test.each(sourceFiles('.wxss'))('%s: every font-size scales, none below 24rpx', (file) => {
    expect(fixedOrTiny(readSource(file))).toEqual([]);
  });

  test('the check finds a fixed size, a px size and a tiny one', () => {
    expect(
      fixedOrTiny(
        '.a { font-size: 28rpx; }\n.b { font-size: 14px; }\n.c { font-size: calc(16rpx * var(--gl-scale)); }\n.d { font-size: calc(28rpx * var(--gl-scale)); }',
      ),
    ).toEqual([
      '.a { font-size: 28rpx }',
      '.b { font-size: 14px }',
      '.c { font-size: calc(16rpx * var(--gl-scale)) }',
    ]);
  });
});

/**
 * Tap targets of at least 88rpx (44 px, WeChat's elder-friendly guide and Apple's minimum), in every
 * template: no mini or extra-small buttons, and TDesign buttons only at size="large" (its small and medium, the
 * default, are 64 and 80rpx); no rule for a tappable element's class declares a height or
 * width below 88rpx; and every tappable view or text (not a button, which app.wxss sizes, nor a component
 * that sizes itself) has a class whose rule declares min-height (or height) of at least 88rpx, and, when it
 * shows only a symbol (×, ＋, ★), a width of at least 88rpx too.
 */
import { readSource, sourceFiles } from './checks/sources';
import { allElements, isTappable, parseWxml, staticClasses, textOf, type Element } from './checks/wxml';
import { lastCompoundClasses, lengthInRpx, parseWxss, type Rule } from './checks/wxss';

const minimum = 88;
const smallSizes = new Set(['mini', 'extra-small']);
/** TDesign's buttons are 64rpx small, 80rpx medium (its default) and 96rpx large: only large is big enough. */
const TDESIGN_LARGE = 'large';

/** The stylesheets that style a template: its own, what it @imports, and app.wxss. */
function stylesFor(wxmlFile: string): Rule[] {
  const own = wxmlFile.replace(/\.wxml$/, '.wxss');
  const files = ['app.wxss'];
  if (sourceFiles('.wxss').includes(own)) {
    files.push(own);
    for (const m of readSource(own).matchAll(/@import\s+"([^"]+)"/g)) {
      const dir = own.split('/').slice(0, -1);
      for (const part of m[1]!.split('/')) {
        if (part === '..') dir.pop();
        else if (part !== '.') dir.push(part);
      }
      files.push(dir.join('/'));
    }
  }
  return files.flatMap((file) => parseWxss(readSource(file)));
}

/** The rules whose selector ends in a compound this element's classes satisfy. */
function rulesOf(el: Element, rules: Rule[]): Rule[] {
  const classes = new Set(staticClasses(el));
  return rules.filter((rule) =>
    rule.selectors.some((selector) => {
      const needed = lastCompoundClasses(selector);
      return (
        needed.length > 0 &&
        needed.some((c) => classes.has(c)) &&
        needed.every((c) => classes.has(c) || /^(on|active|selected)$/.test(c))
      );
    }),
  );
}

function declared(rules: Rule[], properties: string[]): number[] {
  return rules.flatMap((rule) =>
    properties
      .map((p) => rule.declarations.get(p))
      .flatMap((v) => (v === undefined ? [] : [lengthInRpx(v)]).filter((n): n is number => n !== undefined)),
  );
}

function onlySymbols(el: Element): boolean {
  const text = textOf(el).replace(/\{\{[\s\S]*?\}\}/g, '字');
  return !/[\p{L}\p{N}]/u.test(text);
}

/** The element directly before and after `el` among its parent's children. */
function neighbours(parent: Element, el: Element): Element[] {
  const siblings = parent.children.filter((c): c is Element => typeof c !== 'string');
  const at = siblings.indexOf(el);
  return [siblings[at - 1], siblings[at + 1]].filter((s): s is Element => s !== undefined);
}

/**
 * Sized by something else: a wrapper around a component that draws itself (a ticket-card), or a link
 * inside running text, beside plain <text> (WCAG 2.5.8 exempts targets in a sentence: its line sets them).
 */
function sizedByItsContext(el: Element, parent: Element): boolean {
  const wrapsComponent = allElements(el).some((child) => child.tag.includes('-'));
  const inSentence =
    el.tag === 'text' && neighbours(parent, el).some((n) => n.tag === 'text' && !isTappable(n));
  return wrapsComponent || inSentence;
}

/** Pairs of every element and its parent. */
function withParents(root: Element): Array<[Element, Element]> {
  const out: Array<[Element, Element]> = [];
  const visit = (parent: Element) => {
    for (const child of parent.children) {
      if (typeof child === 'string') continue;
      out.push([child, parent]);
      visit(child);
    }
  };
  visit(root);
  return out;
}

/** What is too small in one template, as 'line N: …'. */
export function tooSmall(template: string, rules: Rule[]): string[] {
  const found: string[] = [];
  for (const [el, parent] of withParents(parseWxml(template))) {
    const size = el.attributes.get('size');
    if (el.tag === 'button' && size !== undefined && smallSizes.has(size))
      found.push(`line ${el.line}: <${el.tag} size="${size}">`);
    if (el.tag === 't-button' && size !== TDESIGN_LARGE)
      found.push(`line ${el.line}: <t-button size="${size ?? 'medium'}"> is under 88rpx (use size="large")`);
    if (!isTappable(el)) continue;
    const own = rulesOf(el, rules);
    for (const rule of own) {
      for (const property of ['height', 'min-height', 'width', 'min-width']) {
        const value = rule.declarations.get(property);
        const rpx = value === undefined ? undefined : lengthInRpx(value);
        if (rpx !== undefined && rpx < minimum)
          found.push(`line ${el.line}: ${rule.selectors.join(', ')} { ${property}: ${value} }`);
      }
    }
    if (el.tag === 'button' || el.tag.includes('-') || el.tag === 'map' || sizedByItsContext(el, parent))
      continue;
    const classes = staticClasses(el).join('.');
    if (!declared(own, ['min-height', 'height']).some((h) => h >= minimum))
      found.push(`line ${el.line}: <${el.tag} class="${classes}"> declares no min-height of 88rpx`);
    if (onlySymbols(el) && !declared(own, ['min-width', 'width']).some((w) => w >= minimum))
      found.push(
        `line ${el.line}: <${el.tag} class="${classes}"> shows a symbol and declares no width of 88rpx`,
      );
  }
  return found;
}

describe('tap targets of at least 88rpx', () => {
  test.each(sourceFiles('.wxml'))('%s', (file) => {
    expect(tooSmall(readSource(file), stylesFor(file))).toEqual([]);
  });

  test('the check finds a mini button, a 40rpx ×, a chip with no declared height, and passes a sized one', () => {
    const rules = parseWxss(
      '.remove { width: 40rpx; height: 40rpx; }\n.chip { padding: 8rpx; }\n.tab { min-height: calc(88rpx * var(--gl-scale)); }',
    );
    const template = [
      '<button size="mini" bindtap="a">去</button>',
      '<view class="remove" bindtap="b">×</view>',
      '<text class="chip" bindtap="c">全部</text>',
      '<view class="tab {{on ? \'active\' : \'\'}}" bindtap="d">全部</view>',
      '<t-button size="extra-small">好</t-button>',
      '<t-button theme="primary">确认</t-button>',
      '<view bindtap="e"><ticket-card card="{{item}}" /></view>',
      '<view class="p"><text>见</text><text class="link" bindtap="f">另一则通知</text></view>',
      '<view class="p"><text class="link" bindtap="f">另一则通知</text></view>',
    ].join('\n');
    expect(tooSmall(template, rules)).toEqual([
      'line 1: <button size="mini">',
      'line 2: .remove { height: 40rpx }',
      'line 2: .remove { width: 40rpx }',
      'line 2: <view class="remove"> declares no min-height of 88rpx',
      'line 2: <view class="remove"> shows a symbol and declares no width of 88rpx',
      'line 3: <text class="chip"> declares no min-height of 88rpx',
      'line 5: <t-button size="extra-small"> is under 88rpx (use size="large")',
      'line 6: <t-button size="medium"> is under 88rpx (use size="large")',
      'line 9: <text class="link"> declares no min-height of 88rpx',
    ]);
  });
});

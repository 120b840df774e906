/**
 * Every text colour in every .wxss of the mini-program reaches 4.5:1 (WCAG 2 AA, WeChat's elder-friendly
 * guide) against its rule's own background, or, where the rule declares none, against both white and the
 * page background #f5f6f7. Text colours come from the one palette in app.wxss: no literal colour elsewhere.
 * Disabled controls are exempt, as WCAG exempts inactive components.
 */
import {
  backgroundColour,
  contrastRatio,
  over,
  parseColour,
  resolveVars,
  type Rgba,
} from './checks/contrast';
import { readSource, sourceFiles } from './checks/sources';
import { parseWxss, type Rule } from './checks/wxss';

const minimum = 4.5;
const white: Rgba = [255, 255, 255, 1];
const pageBackground: Rgba = [245, 246, 247, 1];

/** The custom properties app.wxss declares on `page`: the palette. */
function palette(): Map<string, string> {
  const vars = new Map<string, string>();
  for (const rule of parseWxss(readSource('app.wxss'))) {
    if (!rule.selectors.includes('page')) continue;
    for (const [name, value] of rule.declarations) if (name.startsWith('--')) vars.set(name, value);
  }
  return vars;
}

/** What falls short in one stylesheet: 'selector: colour on background = ratio'. */
function shortfalls(rules: Rule[], vars: Map<string, string>): string[] {
  const found: string[] = [];
  for (const rule of rules) {
    const colourValue = rule.declarations.get('color');
    if (colourValue === undefined) continue;
    if (rule.selectors.every((s) => s.includes('[disabled]'))) continue;
    const text = parseColour(resolveVars(colourValue, vars));
    if (!text) {
      found.push(`${rule.selectors.join(', ')}: colour "${colourValue}" is not one the check can read`);
      continue;
    }
    const declared = rule.declarations.get('background-color') ?? rule.declarations.get('background');
    const own = declared === undefined ? undefined : backgroundColour(resolveVars(declared, vars));
    // A translucent background is judged over white, the lightest it can sit on (our cards and pages).
    const backgrounds = own ? [over(own, white)] : [white, pageBackground];
    for (const background of backgrounds) {
      const ratio = contrastRatio(text, background);
      if (ratio < minimum)
        found.push(
          `${rule.selectors.join(', ')}: ${colourValue} on rgb(${background.slice(0, 3).map(Math.round).join(',')}) = ${ratio.toFixed(2)}:1`,
        );
    }
  }
  return found;
}

describe('text contrast of every stylesheet', () => {
  const vars = palette();

  test('the palette is declared in app.wxss', () => {
    expect([...vars.keys()]).toEqual(
      expect.arrayContaining(['--gl-text', '--gl-text-secondary', '--gl-scale']),
    );
  });

  test.each(sourceFiles('.wxss'))('%s: all text at least 4.5:1', (file) => {
    expect(shortfalls(parseWxss(readSource(file)), vars)).toEqual([]);
  });

  test.each(sourceFiles('.wxss').filter((f) => f !== 'app.wxss'))(
    '%s: text colours only from the palette',
    (file) => {
      const literal = parseWxss(readSource(file))
        .filter(
          (rule) =>
            rule.declarations.has('color') && !rule.declarations.get('color')!.startsWith('var(--gl-text'),
        )
        .map((rule) => `${rule.selectors.join(', ')} { color: ${rule.declarations.get('color')} }`);
      expect(literal).toEqual([]);
    },
  );

  test('the check fails on grey #999 text, on white text over a mid red, and on a half-black badge', () => {
    const rules = parseWxss(
      '.time { color: #999; }\n.urgent { background: #e34d59; color: #fff; }\n.x { background: rgba(0, 0, 0, 0.5); color: var(--gl-text-inverse); }\n.ok { color: var(--gl-text-secondary); }\nbutton[disabled] { color: #ccc; }',
    );
    const found = shortfalls(rules, vars);
    expect(found).toEqual([
      expect.stringMatching(/^\.time: #999 on rgb\(255,255,255\) = 2\.85:1$/),
      expect.stringMatching(/^\.time: #999 on rgb\(245,246,247\)/),
      expect.stringMatching(/^\.urgent: #fff on rgb\(227,77,89\) = 3\.84:1$/),
      expect.stringMatching(/^\.x: var\(--gl-text-inverse\) on rgb\(128,128,128\)/),
    ]);
  });
});

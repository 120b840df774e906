/**
 * WXML expressions cannot call functions (`{{roles.join('、')}}`, `{{n.toFixed(1)}}` render nothing on a phone,
 * while miniprogram-simulate's renderer evaluates them): only a WXS module's functions may be called. Every
 * template of the mini-program is checked, with the file and line of each call.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { wxmlFiles } from '../../scripts/wxml-check';

const root = join(__dirname, '..', '..', 'miniprogram');

/** Calls in `{{…}}` whose callee is not a WXS module of the template: "line: expression". */
function callsOutsideWxs(wxml: string): string[] {
  const modules = new Set([...wxml.matchAll(/<wxs\b[^>]*\bmodule\s*=\s*["']([^"']+)["']/g)].map((m) => m[1]));
  const found: string[] = [];
  for (const m of wxml.matchAll(/\{\{([\s\S]*?)\}\}/g)) {
    // String literals may hold parentheses: 'a (b)' is no call.
    const expr = (m[1] ?? '').replace(/'[^']*'|"[^"]*"/g, "''");
    for (const call of expr.matchAll(/([A-Za-z_$][\w$]*)((?:\s*\.\s*[A-Za-z_$][\w$]*|\[[^\]]*\])*)\s*\(/g)) {
      if (modules.has(call[1] ?? '')) continue;
      const line = wxml.slice(0, m.index).split('\n').length;
      found.push(`${line}: ${(m[1] ?? '').trim()}`);
    }
  }
  return found;
}

test('no template calls a function other than a WXS module’s', () => {
  const files = wxmlFiles(root);
  expect(files.length).toBeGreaterThan(20);
  const calls = files.flatMap((f) =>
    callsOutsideWxs(readFileSync(join(root, f), 'utf8')).map((c) => `${f}:${c}`),
  );
  expect(calls).toEqual([]);
});

test('the check finds a method call and lets a WXS module’s call and a string through', () => {
  const template = [
    '<wxs module="fmt" src="./fmt.wxs"/>',
    "<view>{{fmt.money(n)}} {{'(备注)'}} {{a ? b : c}}</view>",
    "<view>{{roles.join('、')}}</view>",
    '<view>{{ price.toFixed(2) }}</view>',
  ].join('\n');
  expect(callsOutsideWxs(template)).toEqual(["3: roles.join('、')", '4: price.toFixed(2)']);
});

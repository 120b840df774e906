/**
 * The figures are defined once (server/core/figures/definitions.ts): the README's section must be exactly the
 * generated table, and every counter and figure is defined.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { FigureCounts } from '../../typings/figures';
import {
  counterDefinitions,
  emptyCounts,
  figureDefinitions,
  renderDefinitions,
  valueOf,
} from '../../server/core/figures/definitions';

const root = join(__dirname, '../..');
const HEADING = '## Figures 统计: definitions';

/** The section from its heading to the next heading of the same level. */
function sectionOf(text: string): string | null {
  const start = text.indexOf(HEADING);
  if (start === -1) return null;
  const rest = text.slice(start + HEADING.length);
  const end = rest.search(/\n## /);
  return (HEADING + (end === -1 ? rest : rest.slice(0, end + 1))).trimEnd();
}

describe('figure definitions', () => {
  it('define every counter once', () => {
    const fields = counterDefinitions.map((c) => c.field).sort();
    expect(fields).toEqual(Object.keys(emptyCounts()).sort());
  });

  it('the README section is the generated table', () => {
    const readme = sectionOf(readFileSync(join(root, 'README.md'), 'utf8'));
    // Prettier pads the tables' columns in the README: compare with the padding taken out.
    const unpadded = (text: string | null) => text?.replace(/ *\| */g, '|').replace(/-{3,}/g, '---');
    expect(unpadded(readme)).toBe(unpadded(renderDefinitions().trimEnd()));
  });

  it('a rate of 0/0 is no figure; the 90th percentile is the bound of the bucket of the ⌈0.9·n⌉-th ticket', () => {
    const rate = figureDefinitions.find((d) => d.id === 'responseRate')!;
    const p90 = figureDefinitions.find((d) => d.id === 'signMinutesP90')!;
    const counts: FigureCounts = emptyCounts();
    expect(valueOf(rate, counts)).toBeNull();
    // 10 signed: 9 within 15 minutes, 1 within 30 → the 9th is in the first bucket.
    counts.signed = 10;
    counts.signBuckets[0] = 9;
    counts.signBuckets[1] = 1;
    expect(valueOf(p90, counts)).toBe(15);
    counts.signBuckets[0] = 8;
    counts.signBuckets[1] = 2;
    expect(valueOf(p90, counts)).toBe(30);
    counts.received = 3;
    counts.signedOnTime = 2;
    expect(valueOf(rate, counts)).toBe(66.67);
  });
});

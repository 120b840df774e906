/** The npm packing step DevTools would do for TDesign runs here, without DevTools. */
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { packNpm } from '../../scripts/pack-npm';

test('packing copies TDesign into miniprogram_npm with each component whole', () => {
  const target = mkdtempSync(join(tmpdir(), 'packnpm-'));
  try {
    expect(packNpm(target)).toEqual(['tdesign-miniprogram']);
    for (const file of [
      'button/button.js',
      'button/button.json',
      'button/button.wxml',
      'cell/cell.js',
      'tag/tag.json',
    ]) {
      expect(existsSync(join(target, 'miniprogram_npm', 'tdesign-miniprogram', file))).toBe(true);
    }
  } finally {
    rmSync(target, { recursive: true, force: true });
  }
});

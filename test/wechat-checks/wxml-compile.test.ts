/** Every template compiles with WeChat's own WXML compiler; a broken one fails with its file and line. */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { compileWxml, wxmlFiles } from '../../scripts/wxml-check';

const root = join(__dirname, '..', '..', 'miniprogram');

describe('WXML with wcc', () => {
  test('every .wxml of the mini-program compiles', () => {
    const files = wxmlFiles(root);
    expect(files).toEqual(expect.arrayContaining(['pages/home/index.wxml', 'pages/messages/index.wxml']));
    const result = compileWxml(root, files);
    if (!result.ok) throw new Error(result.error);
    expect(result.bytes).toBeGreaterThan(1000);
  });

  test('a syntax error fails with the file, line and column', () => {
    const dir = mkdtempSync(join(tmpdir(), 'wxml-'));
    try {
      writeFileSync(join(dir, 'good.wxml'), '<view>{{ok}}</view>\n');
      writeFileSync(join(dir, 'broken.wxml'), '<view class="a">\n  <text>{{name</text>\n</view\n');
      const result = compileWxml(dir);
      expect(result.ok).toBe(false);
      expect(result.ok ? '' : result.error).toMatch(/broken\.wxml:\d+:\d+/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

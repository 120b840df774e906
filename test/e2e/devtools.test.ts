/**
 * End to end in WeChat DevTools with miniprogram-automator: the real mini-program, in the real simulator,
 * against the local cloud started here. Runs where a DevTools CLI is configured:
 *   WECHAT_DEVTOOLS_CLI=/Applications/wechatwebdevtools.app/Contents/MacOS/cli npm test
 * (DevTools logged in, 设置 → 安全设置 → 服务端口 on; miniprogram/config/env.ts in 'local' mode). What the
 * home should show is asked of the same local cloud for the user env.ts acts as. DevTools has no Linux build,
 * so on our machines this prints that it was skipped.
 */
import { URL } from 'node:url';
import { join } from 'node:path';
import { appEnvFor } from '../../miniprogram/config/env';

/** DevTools runs the develop build. */
const appEnv = appEnvFor('develop');
import { entriesFor } from '../../miniprogram/pages/home/entries';
import type { Me } from '../../typings/user';
import type MiniProgram from 'miniprogram-automator/out/MiniProgram';
import { startHttpHarness, type HttpHarness } from '../support/http-harness';

const cliPath = process.env.WECHAT_DEVTOOLS_CLI;

if (!cliPath) {
  test('skipped: no WeChat DevTools CLI configured (set WECHAT_DEVTOOLS_CLI to run the DevTools E2E specs)', () => {
    console.log('skipped: no WeChat DevTools CLI configured — the DevTools E2E specs did not run');
    expect(cliPath).toBeUndefined();
  });
} else {
  jest.setTimeout(120_000);

  describe('DevTools E2E', () => {
    let cloud: HttpHarness;
    let miniProgram: MiniProgram;

    beforeAll(async () => {
      if (appEnv.mode !== 'local')
        throw new Error("the DevTools E2E needs miniprogram/config/env.ts in 'local' mode");
      cloud = await startHttpHarness({ port: Number(new URL(appEnv.localBaseUrl).port) });
      const automator = (await import('miniprogram-automator')).default;
      miniProgram = await automator.launch({
        cliPath,
        projectPath: join(__dirname, '..', '..'),
        trustProject: true,
      });
    });
    afterAll(async () => {
      await miniProgram?.close();
      await cloud?.close();
    });

    test('the app logs in, shows the user their entries, and a tap opens the page', async () => {
      if (appEnv.mode !== 'local') return;
      const answer = await cloud.post('user', { action: 'login' }, appEnv.devOpenid);
      if (!answer.json.ok) throw new Error(answer.json.error.message);
      const expected = entriesFor((answer.json.data as Me).roles);

      const page = await miniProgram.reLaunch('/pages/home/index');
      if (!page) throw new Error('home did not open');
      await page.waitFor(async () => (await page.$$('.entry')).length > 0);
      const entries = (await page.data('entries')) as { title: string; url: string }[];
      expect(entries.map((e) => e.title)).toEqual(expected.map((e) => e.title));

      const first = expected[0];
      if (!first) return;
      await (await page.$(`#entry-${first.key}`))?.tap();
      await page.waitFor(1000);
      expect(`/${(await miniProgram.currentPage())?.path}`).toBe(first.url.replace(/\?.*$/, ''));
    });
  });
}

/**
 * The 消息 tab's badge comes from the server's unread count whenever the app comes to the front: WeChat calls
 * App.onShow right after onLaunch and on every return from the background, whichever page opens first.
 */
import type * as EnvModule from '../../miniprogram/config/env';

type Badge = { index: number; text?: string };

interface Launched {
  show(): Promise<void>;
  set: Badge[];
  removed: Badge[];
  calls: string[];
}

/** Loads app.ts for a develop build on the local transport, whose /fn/message answers with `unread`. */
function launch(answer: () => { ok: boolean; data?: unknown; error?: unknown }): Launched {
  jest.resetModules();
  const seen: Launched = { show: async () => undefined, set: [], removed: [], calls: [] };
  let app: { onLaunch(): void; onShow(): void } | undefined;
  const g = globalThis as Record<string, unknown>;
  g.App = (options: { onLaunch(): void; onShow(): void }) => {
    app = options;
  };
  g.wx = {
    getAccountInfoSync: () => ({ miniProgram: { envVersion: 'develop', appId: 'wx-test', version: '' } }),
    request: ({
      url,
      data,
      success,
    }: {
      url: string;
      data: { action: string };
      success(res: unknown): void;
    }) => {
      seen.calls.push(`${url.replace(/^.*\/fn\//, '')}.${data.action}`);
      success({ statusCode: 200, data: answer() });
    },
    setTabBarBadge: (options: Badge) => seen.set.push({ index: options.index, text: options.text }),
    removeTabBarBadge: (options: Badge) => seen.removed.push({ index: options.index }),
  };
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- app.ts's own fresh module registry
  const env = require('../../miniprogram/config/env') as typeof EnvModule;
  env.envSettings.developTransport = 'local';
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- app.ts registers itself with App()
  require('../../miniprogram/app');
  app!.onLaunch();
  seen.show = async () => {
    app!.onShow();
    await new Promise((resolve) => setTimeout(resolve, 0));
  };
  return seen;
}

afterAll(() => {
  const g = globalThis as Record<string, unknown>;
  delete g.App;
  delete g.wx;
});

describe('the tab badge on launch and on show', () => {
  test('shows the unread count on the 消息 tab (index 1), capped at 99+', async () => {
    let unread = 3;
    const app = launch(() => ({ ok: true, data: { unread } }));
    await app.show();
    expect(app.calls).toEqual(['message.unreadCount']);
    expect(app.set).toEqual([{ index: 1, text: '3' }]);
    unread = 120;
    await app.show();
    expect(app.set).toEqual([
      { index: 1, text: '3' },
      { index: 1, text: '99+' },
    ]);
  });

  test('nothing unread removes the badge', async () => {
    const app = launch(() => ({ ok: true, data: { unread: 0 } }));
    await app.show();
    expect(app.removed).toEqual([{ index: 1 }]);
    expect(app.set).toEqual([]);
  });

  test('a failed count leaves the badge alone and never throws out of onShow', async () => {
    const app = launch(() => ({ ok: false, error: { code: 'AUTH.UNAUTHENTICATED', message: '请先登录' } }));
    await app.show();
    expect(app.calls).toEqual(['message.unreadCount']);
    expect(app.set).toEqual([]);
    expect(app.removed).toEqual([]);
  });
});

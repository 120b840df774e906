/**
 * The mini-program chooses its transport from the build WeChat runs (wx.getAccountInfoSync().miniProgram
 * .envVersion): a develop build may use the local cloud; trial and release builds always call wx.cloud, so a
 * build a user can open never calls 127.0.0.1 — whatever config/env.ts says for develop.
 */
import type * as EnvModule from '../../miniprogram/config/env';
import type * as TransportModule from '../../miniprogram/services/transport';

type LaunchResult = { cloudInit: unknown[]; requests: string[]; callFunction: string[] };

/** Loads app.ts as WeChat would for this build, launches it, and makes one call through the chosen transport. */
async function launch(
  envVersion: string,
  developTransport: 'local' | 'cloud' = 'local',
): Promise<LaunchResult> {
  jest.resetModules();
  const seen: LaunchResult = { cloudInit: [], requests: [], callFunction: [] };
  let app: { onLaunch(): void } | undefined;
  const g = globalThis as Record<string, unknown>;
  g.App = (options: { onLaunch(): void }) => {
    app = options;
  };
  g.wx = {
    getAccountInfoSync: () => ({ miniProgram: { envVersion, appId: 'wx-test', version: '' } }),
    cloud: {
      init: (options: unknown) => seen.cloudInit.push(options),
      callFunction: async ({ name }: { name: string }) => {
        seen.callFunction.push(name);
        return { result: { ok: true, data: null } };
      },
    },
    request: ({ url, success }: { url: string; success(res: unknown): void }) => {
      seen.requests.push(url);
      success({ statusCode: 200, data: { ok: true, data: null } });
    },
  };
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- app.ts's own fresh module registry
  const env = require('../../miniprogram/config/env') as typeof EnvModule;
  env.envSettings.developTransport = developTransport;
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- app.ts registers itself with App()
  require('../../miniprogram/app');
  app!.onLaunch();
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- the same registry as app.ts
  const transport = require('../../miniprogram/services/transport') as typeof TransportModule;
  await transport.currentTransport()!.call('user', { action: 'me' });
  return seen;
}

afterAll(() => {
  const g = globalThis as Record<string, unknown>;
  delete g.App;
  delete g.wx;
});

describe('the transport a build uses', () => {
  test('develop (DevTools) uses the local cloud when config/env.ts asks for it', async () => {
    const seen = await launch('develop');
    expect(seen.requests).toEqual(['http://127.0.0.1:3900/fn/user']);
    expect(seen.callFunction).toEqual([]);
  });

  test('develop may use the cloud too', async () => {
    const seen = await launch('develop', 'cloud');
    expect(seen.callFunction).toEqual(['user']);
    expect(seen.requests).toEqual([]);
  });

  test.each(['trial', 'release', 'something-new'])(
    '%s always calls wx.cloud and never 127.0.0.1, even with develop set to local',
    async (envVersion) => {
      const seen = await launch(envVersion, 'local');
      expect(seen.cloudInit).toEqual([{ env: 'gridlink-prod', traceUser: true }]);
      expect(seen.callFunction).toEqual(['user']);
      expect(seen.requests).toEqual([]);
    },
  );

  test('before launch chose, the environment is the cloud', () => {
    jest.resetModules();
    // eslint-disable-next-line @typescript-eslint/no-require-imports -- a fresh registry: nothing chosen yet
    const env = require('../../miniprogram/config/env') as typeof EnvModule;
    expect(env.appEnv().mode).toBe('cloud');
  });
});

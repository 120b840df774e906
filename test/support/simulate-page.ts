/**
 * Rendering a mini-program page with miniprogram-simulate in a jsdom test: a fresh simulate per test (its
 * component cache cannot be reset), the page loaded from its path under miniprogram/, attached, and onLoad
 * called with the query. The test file defines the global `wx` before calling these.
 */
import { join } from 'node:path';
import type * as SimulateModule from 'miniprogram-simulate';
import type { ApiResult } from '../../typings/common';
import type { FunctionName } from '../../typings/functions';
import type * as EnvModule from '../../miniprogram/config/env';
import type * as TransportModule from '../../miniprogram/services/transport';
import type { Harness } from './harness';
import { fromMiniprogramRoot } from './miniprogram-root';

export type Simulate = typeof SimulateModule;
export type Comp = ReturnType<Simulate['render']>;

/**
 * In the page's (fresh) module registry, choose what app.ts would choose for the develop build in DevTools:
 * the local cloud (miniprogram/config/env.ts; test/miniprogram/transport-choice.test.ts checks the others).
 */
export function asDevelopBuild(): void {
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- the page's own module registry
  const env = require('../../miniprogram/config/env') as typeof EnvModule;
  env.setAppEnv(env.appEnvFor('develop'));
}

/** miniprogram-simulate from a clean module registry: call in beforeEach, after jest.resetModules(). */
export function freshSimulate(): Simulate {
  asDevelopBuild();
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- simulate must load after the global wx exists
  return require('miniprogram-simulate') as Simulate;
}

/**
 * Renders the page at `page` (e.g. 'pages/notices/index'), runs onLoad(query) and lets its calls settle.
 * `usingComponents` replaces library components by stubs (test/support/tdesign-stubs.ts).
 */
export async function renderPage(
  simulate: Simulate,
  page: string,
  query: Record<string, string> = {},
  usingComponents?: Record<string, unknown>,
): Promise<Comp> {
  const root = join(__dirname, '../../miniprogram');
  // rootPath: components named from the root (/components/list-state/index) resolve as in WeChat.
  const id = simulate.load(join(root, page), {
    ...fromMiniprogramRoot(),
    ...(usingComponents ? { usingComponents } : {}),
  });
  const comp = simulate.render(id);
  comp.attach(document.createElement('parent-wrapper'));
  (comp.instance as unknown as { onLoad(q: object): void }).onLoad(query);
  await simulate.sleep(0);
  return comp;
}

/** Taps the first element matching `selector` and lets the handler's awaits settle. */
export async function tap(simulate: Simulate, comp: Comp, selector: string, detail?: object): Promise<void> {
  const el = comp.querySelector(selector);
  if (!el) throw new Error(`nothing matches ${selector}`);
  el.dispatchEvent('tap', detail ? { detail } : undefined);
  await simulate.sleep(0);
  await simulate.sleep(0);
}

/** The trimmed text of every element matching `selector`. */
export function texts(comp: Comp, selector: string): string[] {
  return comp.querySelectorAll(selector).map((el) => el.dom?.textContent?.trim() ?? '');
}

/** The `src` of every image matching `selector` (simulate keeps it as an attribute, not on the DOM). */
export function sources(comp: Comp, selector: string): Array<string | undefined> {
  return comp
    .querySelectorAll(selector)
    .map((el) => el.toJSON().attrs.find((a) => a.name === 'src')?.value as string | undefined);
}

/**
 * In the page's (fresh) module registry, its transport calls the harness's real handlers as `callerOf()` —
 * through JSON both ways, as over the wire, so the page gets plain data made in its own realm. `answer` may
 * stand in for the answer (a lost reply).
 */
export function transportToHarness(
  h: Harness,
  callerOf: () => string,
  answer: (action: string, result: ApiResult<unknown>) => ApiResult<unknown> = (_, result) => result,
): void {
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- the page's own module registry
  const transport = require('../../miniprogram/services/transport') as typeof TransportModule;
  transport.setTransport({
    async call(name, data) {
      const { action, ...req } = data;
      const sent = JSON.parse(JSON.stringify(req)) as object;
      const result = await h.as(callerOf()).call(name as FunctionName, action as never, sent as never);
      return answer(String(action), JSON.parse(JSON.stringify(result)) as ApiResult<unknown>);
    },
  });
}

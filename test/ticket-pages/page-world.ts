/**
 * Ticket pages under miniprogram-simulate, calling the real `ticket` handlers of a harness in this process
 * (in-memory SQLite, the demo seeded, a ManualClock the phone's Date.now follows). Each render starts a fresh
 * module registry, so a page can be rendered again and each page has its own transport and caller.
 */
import { join } from 'node:path';
import type * as SimulateModule from 'miniprogram-simulate';
import type * as UploadModule from '../../miniprogram/services/upload';
import type { Harness } from '../support/harness';
import { asDevelopBuild, transportToHarness } from '../support/simulate-page';
import { fromMiniprogramRoot } from '../support/miniprogram-root';

export const miniprogramRoot = join(__dirname, '..', '..', 'miniprogram');

/** The wx the pages see: what they call is recorded; a test sets the answers (location, photos…). */
export const wxMock = {
  showToast: jest.fn(),
  showModal: jest.fn((options: { success?: (res: { confirm: boolean; cancel: boolean }) => void }) =>
    options.success?.({ confirm: true, cancel: false }),
  ),
  navigateTo: jest.fn(),
  redirectTo: jest.fn(),
  stopPullDownRefresh: jest.fn(),
  previewImage: jest.fn(),
  chooseMedia: jest.fn(),
  chooseLocation: jest.fn(),
  requestSubscribeMessage: jest.fn(),
  makePhoneCall: jest.fn(),
  openLocation: jest.fn(),
  openSetting: jest.fn(),
};
(globalThis as unknown as { wx: typeof wxMock }).wx = wxMock;

/** chooseMedia answers with these temp paths. */
export function choosesPhotos(paths: string[]): void {
  wxMock.chooseMedia.mockImplementation((o: { success: (r: unknown) => void }) =>
    o.success({ tempFiles: paths.map((tempFilePath) => ({ tempFilePath, size: 1000, fileType: 'image' })) }),
  );
}

/** requestSubscribeMessage answers every template with `answer`. */
export function answersSubscription(answer: 'accept' | 'reject'): void {
  wxMock.requestSubscribeMessage.mockImplementation(
    (o: { tmplIds: string[]; success: (r: Record<string, string>) => void }) =>
      o.success({
        errMsg: 'requestSubscribeMessage:ok',
        ...Object.fromEntries(o.tmplIds.map((id) => [id, answer])),
      }),
  );
}

type Simulate = typeof SimulateModule;
export type Comp = ReturnType<Simulate['render']>;

export interface RenderedPage {
  comp: Comp;
  simulate: Simulate;
  /** The page's methods, called as WeChat would (onLoad, onShow, onHide…). */
  page: Record<string, (...args: unknown[]) => unknown>;
  text(selector: string): string;
  texts(selector: string): string[];
  has(selector: string): boolean;
  /** Texts inside a child component (e.g. the timeline), which the page's own queries do not reach. */
  inner(host: string, selector: string): string[];
  tap(selector: string, detail?: object): Promise<void>;
  input(selector: string, value: string): Promise<void>;
  /** Waits until `check` stops throwing (async work of the page settles), or fails with its last error. */
  until(check: () => void): Promise<void>;
}

/** A flaky network: the next call of this action reaches the server but its answer is lost. */
export const network = { loseNextAnswerOf: '' };

/** Photo paths the uploader stored, with the file ids it returned. */
export const uploads: Array<{ filePath: string; fileId: string }> = [];

/**
 * Renders a page as `openid`, after onLoad(query) has finished (a page without onLoad: the test calls
 * onShow). `stubs` replaces library components (test/support/tdesign-stubs.ts) for pages that use them.
 */
export async function renderPage(
  h: Harness,
  pagePath: string,
  openid: string,
  query: Record<string, string> = {},
  stubs?: (simulate: Simulate) => Record<string, unknown>,
): Promise<RenderedPage> {
  jest.resetModules();
  asDevelopBuild();
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- simulate must load after the global wx exists
  const simulate = require('miniprogram-simulate') as Simulate;
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- the page's own module registry
  const upload = require('../../miniprogram/services/upload') as typeof UploadModule;
  transportToHarness(
    h,
    () => openid,
    (action, result) => {
      if (network.loseNextAnswerOf !== action) return result;
      network.loseNextAnswerOf = '';
      return { ok: false, error: { code: 'INTERNAL', message: '网络不稳定，请重试' } };
    },
  );
  upload.setUploader({
    async upload(filePath, cloudPath) {
      const fileId = await h.deps.files.put(cloudPath, new Uint8Array([0xff, 0xd8, 0xff]), 'image/jpeg');
      uploads.push({ filePath, fileId });
      return fileId;
    },
  });

  const id = simulate.load(join(miniprogramRoot, pagePath), {
    ...fromMiniprogramRoot(),
    ...(stubs ? { usingComponents: stubs(simulate) } : {}),
  });
  const comp = simulate.render(id);
  comp.attach(document.createElement('parent-wrapper'));
  const page = comp.instance as unknown as RenderedPage['page'];
  await page.onLoad?.(query);
  await simulate.sleep(0);

  const text = (selector: string) => comp.querySelector(selector)?.dom?.textContent?.trim() ?? '';
  const until = async (check: () => void) => {
    let last: unknown;
    for (let i = 0; i < 200; i++) {
      try {
        check();
        return;
      } catch (error) {
        last = error;
        await simulate.sleep(5);
      }
    }
    throw last;
  };
  return {
    comp,
    simulate,
    page,
    text,
    texts: (selector) => comp.querySelectorAll(selector).map((el) => el.dom?.textContent?.trim() ?? ''),
    has: (selector) => comp.querySelector(selector) !== undefined,
    inner: (host, selector) =>
      (comp.querySelector(host)?.querySelectorAll(selector) ?? []).map(
        (el) => el.dom?.textContent?.trim() ?? '',
      ),
    async tap(selector, detail) {
      const el = comp.querySelector(selector);
      if (!el) throw new Error(`nothing to tap at ${selector}`);
      el.dispatchEvent('tap', detail ? { detail } : undefined);
      await simulate.sleep(0);
    },
    async input(selector, value) {
      const el = comp.querySelector(selector);
      if (!el) throw new Error(`no input at ${selector}`);
      el.dispatchEvent('input', { detail: { value } });
      await simulate.sleep(0);
    },
    until,
  };
}

/** The phone's clock follows the harness clock, so that "time left" reads as it would on the day. */
export function phoneFollows(h: Harness): void {
  jest.spyOn(Date, 'now').mockImplementation(() => h.clock.now().getTime());
}

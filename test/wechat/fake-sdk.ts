/**
 * A stand-in for wx-server-sdk at the WechatSdk seam (server/adapters/cloudbase/wechat-openapi.ts): the
 * adapters' calls are recorded, and each answer is scripted in the SDK's own shapes — a resolved answer, or
 * a thrown `{errCode, errMsg}` as wx-server-sdk throws (CloudSDKError carries both; -501001 is its
 * TCB_ERR_CODE.SYS_ERR for a failed request to CloudBase's gateway).
 */
import type {
  MsgSecCheckBody,
  SubscribeMessageBody,
  UnlimitedCodeBody,
  WechatSdk,
} from '../../server/adapters/cloudbase/wechat-openapi';

export type Scripted = { answer: unknown } | { error: { errCode?: number; errMsg: string } } | 'hang';

/** As wx-server-sdk throws: an Error with errCode and errMsg. */
export const sdkError = (errCode: number, errMsg = `errCode: ${errCode}`) => ({ error: { errCode, errMsg } });

export class FakeWechatSdk implements WechatSdk {
  readonly sends: SubscribeMessageBody[] = [];
  readonly checks: MsgSecCheckBody[] = [];
  readonly decodes: string[][] = [];
  readonly codes: UnlimitedCodeBody[] = [];
  private readonly script: Scripted[] = [];

  /** Answers for the next calls, in order; with none left, calls succeed plainly. */
  next(...answers: Scripted[]): this {
    this.script.push(...answers);
    return this;
  }

  private answer(fallback: unknown): Promise<unknown> {
    const step = this.script.shift() ?? { answer: fallback };
    if (step === 'hang') return new Promise(() => undefined);
    if ('error' in step) return Promise.reject(Object.assign(new Error(step.error.errMsg), step.error));
    return Promise.resolve(step.answer);
  }

  sendSubscribeMessage(body: SubscribeMessageBody): Promise<unknown> {
    this.sends.push(body);
    return this.answer({ errCode: 0, errMsg: 'openapi.subscribeMessage.send:ok' });
  }

  msgSecCheck(body: MsgSecCheckBody): Promise<unknown> {
    this.checks.push(body);
    return this.answer({ errCode: 0, result: { suggest: 'pass', label: 100 } });
  }

  async getOpenData(cloudIDs: string[]): Promise<Array<Record<string, unknown>>> {
    this.decodes.push(cloudIDs);
    return (await this.answer([])) as Array<Record<string, unknown>>;
  }

  async getUnlimitedCode(
    body: UnlimitedCodeBody,
  ): Promise<{ buffer?: Uint8Array; errCode?: number; errMsg?: string }> {
    this.codes.push(body);
    return (await this.answer({ buffer: new Uint8Array([0x89, 0x50, 0x4e, 0x47]) })) as {
      buffer?: Uint8Array;
      errCode?: number;
      errMsg?: string;
    };
  }
}

/**
 * node-sdk pointed at a stand-in, the two ways production code finds its endpoint: `tcb.init({serviceUrl})`,
 * or the runtime's TCB_CONTEXT_CNFG environment `{"URL": …}` that a deployed function reads.
 */
import tcb from '@cloudbase/node-sdk';
import { CloudbaseStore, type CloudbaseStoreOptions, type Db } from '../adapters/cloudbase/cloudbase-store';

export const STANDIN_ENV_ID = 'standin-env';
/** node-sdk refuses to send without credentials; the stand-in accepts any signature. */
const CREDENTIALS = { secretId: 'standin-secret-id', secretKey: 'standin-secret-key' };

/** A node-sdk app whose every request goes to the stand-in. */
export function standinApp(standin: { url: string }): ReturnType<typeof tcb.init> {
  process.env.TENCENTCLOUD ??= 'true';
  return tcb.init({ env: STANDIN_ENV_ID, serviceUrl: standin.url, ...CREDENTIALS });
}

/** The CloudBase Store adapter on the stand-in. */
export function standinStore(standin: { url: string }, options?: CloudbaseStoreOptions): CloudbaseStore {
  return new CloudbaseStore(standinApp(standin).database() as unknown as Db, options);
}

/**
 * The environment a deployed function sees (the SCF runtime's variables), with its endpoint at the stand-in.
 * The caller's identity (WX_OPENID, WX_APPID) is per call and not included.
 */
export function standinRuntimeEnv(standin: { url: string }): Record<string, string> {
  return {
    TENCENTCLOUD: 'true',
    TENCENTCLOUD_RUNENV: 'SCF',
    TENCENTCLOUD_REGION: 'ap-shanghai',
    TCB_CONTEXT_CNFG: JSON.stringify({ URL: standin.url }),
    TCB_ENV: STANDIN_ENV_ID,
    SCF_NAMESPACE: STANDIN_ENV_ID,
    TENCENTCLOUD_SECRETID: CREDENTIALS.secretId,
    TENCENTCLOUD_SECRETKEY: CREDENTIALS.secretKey,
  };
}

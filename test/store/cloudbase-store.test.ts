/**
 * The same contract against a real CloudBase environment, where one is configured:
 * CLOUDBASE_ENV_ID, TENCENTCLOUD_SECRETID, TENCENTCLOUD_SECRETKEY. It writes to collections with those
 * names: point it at a test environment only.
 */
import tcb from '@cloudbase/node-sdk';
import { CloudbaseStore, type Db } from '../../server/adapters/cloudbase/cloudbase-store';
import { collectionNames } from '../../server/core/store/collections';
import { describeStoreContract } from './store-contract';

const envId = process.env.CLOUDBASE_ENV_ID;

if (!envId) {
  test('skipped: no CloudBase environment (set CLOUDBASE_ENV_ID, TENCENTCLOUD_SECRETID, TENCENTCLOUD_SECRETKEY to run the Store contract against CloudBase)', () => {
    console.log('skipped: no CloudBase environment — the CloudBase Store contract did not run');
    expect(envId).toBeUndefined();
  });
} else {
  const app = tcb.init({
    env: envId,
    secretId: process.env.TENCENTCLOUD_SECRETID,
    secretKey: process.env.TENCENTCLOUD_SECRETKEY,
  });
  const db = app.database() as unknown as Db;
  describeStoreContract('CloudBase', async () => {
    for (const name of collectionNames) {
      await db
        .collection(name)
        .where({ _id: db.command.exists(true) })
        .remove();
    }
    return { store: new CloudbaseStore(db), dispose: async () => undefined };
  });
}

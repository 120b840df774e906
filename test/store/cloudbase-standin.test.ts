/**
 * The Store contract against the CloudBase adapter on node-sdk, on the CloudBase stand-in: always run, no
 * credentials. Then what only the stand-in shows: paging past 1,000, write conflicts, unique indexes,
 * injected faults and the log of unindexed queries.
 */
import { startStandin, standinStore, type Standin } from '../../server/cloudbase-standin';
import { describeStoreContract } from './store-contract';

let standin: Standin;
beforeAll(async () => {
  standin = await startStandin();
});
afterAll(async () => standin.close());

describeStoreContract('CloudBase adapter on the stand-in', async () => {
  standin.reset();
  standin.faults.clear();
  return { store: standinStore(standin), dispose: async () => undefined };
});

/** The authorization matrix of the `message` function (test/access/matrix.ts). */
import { expectMatrix } from './run';
import { messageRows } from './rows/message';

test('every message action as every role in every relation: allowed or refused with nothing written', async () => {
  await expectMatrix('message', messageRows);
}, 300_000);

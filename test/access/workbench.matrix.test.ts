/** The authorization matrix of the workbench's actions of the `ticket` function (test/access/rows/workbench.ts). */
import { expectMatrix } from './run';
import { workbenchRows } from './rows/workbench';

test('every workbench action as every role in every relation: allowed or refused with nothing written', async () => {
  await expectMatrix('ticket', workbenchRows);
}, 300_000);

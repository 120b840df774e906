/** The authorization matrix of the `ticket` function (test/access/matrix.ts). */
import { expectMatrix } from './run';
import { ticketRows } from './rows/ticket';

test('every ticket action as every role in every relation: allowed or refused with nothing written', async () => {
  await expectMatrix('ticket', ticketRows);
}, 300_000);

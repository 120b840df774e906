/** The authorization matrix of the figures actions of the `ticket` function (test/access/matrix.ts). */
import { expectMatrix } from './run';
import { figureRows } from './rows/figures';

test('every figures action as every role in every relation: allowed or refused with nothing written', async () => {
  await expectMatrix('ticket', figureRows);
}, 300_000);

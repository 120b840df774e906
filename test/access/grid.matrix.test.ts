/** The authorization matrix of the `grid` function (test/access/matrix.ts). */
import { expectMatrix } from './run';
import { gridRows } from './rows/grid';

test('every grid action as every role in every relation: allowed or refused with nothing written', async () => {
  await expectMatrix('grid', gridRows);
}, 300_000);

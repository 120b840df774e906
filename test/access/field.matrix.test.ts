/** The authorization matrix of the `field` function (test/access/matrix.ts). */
import { expectMatrix } from './run';
import { fieldRows } from './rows/fieldwork';

test('every field action as every role in every relation: allowed or refused with nothing written', async () => {
  await expectMatrix('field', fieldRows);
}, 300_000);

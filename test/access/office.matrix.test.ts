/** The authorization matrix of the street office's officers (test/access/rows/office.ts). */
import { expectMatrix } from './run';
import { officeRows } from './rows/office';

test("the street office's officer actions as every role in both streets", async () => {
  await expectMatrix('grid office', officeRows);
}, 300_000);

/** The `field` function's rows of the authorization matrix (format: test/access/matrix.ts). */
import type { Row } from '../matrix';

export const fieldRows: Row[] = [];

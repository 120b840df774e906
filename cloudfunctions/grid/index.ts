// The `grid` cloud function: a thin entry. Identity comes from the WeChat context inside cloudFunction (server/production).
import { cloudFunction } from '../../server/production/main';
import { gridFunction } from '../../server/functions/grid';

export const main = cloudFunction(gridFunction);

// The `grid` cloud function: a thin entry. Identity comes from the WeChat context inside cloudbaseHandler.
import { cloudbaseHandler } from '../../server/adapters/cloudbase/runtime';
import { gridFunction } from '../../server/functions/grid';

export const main = cloudbaseHandler(gridFunction);

// The `ticket` cloud function: a thin entry. Identity comes from the WeChat context inside cloudbaseHandler.
import { cloudbaseHandler } from '../../server/adapters/cloudbase/runtime';
import { ticketFunction } from '../../server/functions/ticket';

export const main = cloudbaseHandler(ticketFunction);

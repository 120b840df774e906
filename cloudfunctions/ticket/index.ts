// The `ticket` cloud function: a thin entry. Identity comes from the WeChat context inside cloudFunction (server/production).
import { cloudFunction } from '../../server/production/main';
import { ticketFunction } from '../../server/functions/ticket';

export const main = cloudFunction(ticketFunction);

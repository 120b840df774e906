import type { Clock } from './clock';
import type { ContentCheck } from './content-check';
import type { Files } from './files';
import type { Ids } from './ids';
import type { Push } from './push';
import type { Store } from './store';
import type { RoutingIndexCache } from '../routing/index-cache';
import type { TicketMemory } from '../tickets/ticket-memory';
import type { NotificationSettings } from '../notifications/templates';
import type { GroupTicketDecoder } from './group-ticket';
import type { CodeSheets } from './code-sheets';
import type { MiniProgramCodes } from './mini-program-codes';
import type { Secrets } from './secrets';

export type { Clock, CodeSheets, ContentCheck, Files, Ids, MiniProgramCodes, Push, Secrets, Store };

/** Everything a use case may touch outside itself, passed as one plain parameter. */
export interface Deps {
  store: Store;
  clock: Clock;
  ids: Ids;
  files: Files;
  push: Push;
  contentCheck: ContentCheck;
  /** The warm routing index of this instance, built once per grid-map version (routing/index-cache.ts). */
  routingIndexes: RoutingIndexCache;
  /**
   * This instance's memory of the tickets it last wrote or read, with their timelines (tickets/ticket-memory.ts);
   * absent, every change reads the ticket and queries its events.
   */
  ticketMemory?: TicketMemory;
  /** Decodes a WeChat group's cloudID (notice cards opened from a group). */
  groupTickets: GroupTicketDecoder;
  /** The deployment's subscribe-message templates and retry policy. */
  notificationSettings: NotificationSettings;
  /** Random secrets and HMAC signatures for household codes and invites. */
  secrets: Secrets;
  /** The scannable code that opens a page with a scene (wxacode in production, a QR code locally). */
  miniProgramCodes: MiniProgramCodes;
  /** Printable sheets of household codes. */
  codeSheets: CodeSheets;
}

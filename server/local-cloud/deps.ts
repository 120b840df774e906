/** Wires the core's ports to the local adapters: SQLite, a files folder, recorded push, a word-list check. */
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Deps } from '../core/ports';
import { RoutingIndexCache } from '../core/routing/index-cache';
import { TicketMemory } from '../core/tickets/ticket-memory';
import type { Clock } from '../core/ports/clock';
import type { Ids } from '../core/ports/ids';
import { SqliteStore } from '../adapters/sqlite/sqlite-store';
import { systemClock } from '../adapters/system/clock';
import { randomIds } from '../adapters/system/ids';
import { LocalFiles } from '../adapters/local/local-files';
import { RecordingPush } from '../adapters/local/recording-push';
import { WordListCheck } from '../adapters/local/word-list-check';
import { DEFAULT_LOCAL_GROUP_SECRET, SignedGroupTickets } from '../adapters/local/signed-group-tickets';
import { loadNotificationSettings } from '../adapters/push-templates';
import { hmacSecrets } from '../adapters/hmac-secrets';
import { PdfCodeSheets } from '../adapters/pdf-code-sheets';
import { QrMiniProgramCodes } from '../adapters/local/qr-mini-program-codes';
import type { NotificationSettings } from '../core/notifications/templates';

/** The font of printable code sheets, in the repository (assets/fonts). */
export const SHEET_FONT = join(__dirname, '..', '..', 'assets', 'fonts', 'NotoSansSC-GB2312.ttf');

export interface LocalDeps extends Deps {
  store: SqliteStore;
  push: RecordingPush;
  files: LocalFiles;
}

export interface LocalDepsOptions {
  /** A folder for the database and files, or undefined for an in-memory database (tests). */
  dataDir?: string;
  /** Without dataDir: the in-memory database starts as this serialized one (tests: a seeded world's image). */
  image?: Buffer;
  clock?: Clock;
  ids?: Ids;
  filesRoot?: string;
  /** Default: the demo templates (nothing to configure locally). */
  notificationSettings?: NotificationSettings;
  /** Signs and checks the local stand-ins for WeChat group cloudIDs. */
  groupSecret?: string;
}

export function createLocalDeps(options: LocalDepsOptions = {}): LocalDeps {
  const dbPath = options.dataDir ? join(options.dataDir, 'gridlink.sqlite') : ':memory:';
  const filesRoot =
    options.filesRoot ??
    (options.dataDir ? join(options.dataDir, 'files') : join(tmpdir(), 'gridlink-files'));
  return {
    store: new SqliteStore(options.image && !options.dataDir ? options.image : dbPath),
    clock: options.clock ?? systemClock,
    ids: options.ids ?? randomIds,
    files: new LocalFiles(filesRoot),
    push: new RecordingPush(),
    contentCheck: new WordListCheck(),
    routingIndexes: new RoutingIndexCache(),
    ticketMemory: new TicketMemory(),
    groupTickets: new SignedGroupTickets(options.groupSecret ?? DEFAULT_LOCAL_GROUP_SECRET),
    notificationSettings: options.notificationSettings ?? loadNotificationSettings({}),
    secrets: hmacSecrets,
    miniProgramCodes: new QrMiniProgramCodes(),
    codeSheets: new PdfCodeSheets(SHEET_FONT),
  };
}

/** Every cloud function of the project and its actions: the one list both sides compile against. */
import type { GridActions } from './grid';
import type { MessageActions } from './message';
import type { SchedulerActions } from './scheduler';
import type { UserActions } from './user';
import type { TicketActions } from './ticket';
import type { NoticeActions } from './notice';
import type { WorkbenchActions } from './workbench';

export type Api = {
  user: UserActions;
  grid: GridActions;
  scheduler: SchedulerActions;
  message: MessageActions;
  /** The workbench's actions (workbench.ts) belong to the ticket function. */
  ticket: TicketActions & WorkbenchActions;
  notice: NoticeActions;
};

export type FunctionName = keyof Api;

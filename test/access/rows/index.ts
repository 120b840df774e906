/** Every row of the authorization matrix, by function. A new function adds its file here. */
import type { FunctionName } from '../../../typings/functions';
import type { Row } from '../matrix';
import { deadlineRowsOf } from './deadlines';
import { fieldRows } from './fieldwork';
import { figureRows } from './figures';
import { gridRows } from './grid';
import { messageRows } from './message';
import { noticeRows } from './notice';
import { officeRows } from './office';
import { onboardingGridRows, onboardingUserRows } from './onboarding';
import { schedulerRows } from './scheduler';
import { ticketRows } from './ticket';
import { userRows } from './user';
import { workbenchRows } from './workbench';

export const rowsByFunction: Record<FunctionName, Row[]> = {
  user: [...userRows, ...onboardingUserRows],
  grid: [...gridRows, ...onboardingGridRows, ...deadlineRowsOf('grid'), ...officeRows],
  ticket: [...ticketRows, ...figureRows, ...workbenchRows, ...deadlineRowsOf('ticket')],
  notice: noticeRows,
  message: messageRows,
  scheduler: schedulerRows,
  field: fieldRows,
};

export const allRows: Row[] = Object.values(rowsByFunction).flat();

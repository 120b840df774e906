/** Acting on a ticket from a page: one place that turns a stale-version refusal into "reload and say so". */
import type { TicketDetail } from '../../typings/ticket';
import { showApiError } from '../services/api';
import { isStaleVersion } from '../services/ticket';

export interface ActingPage {
  /** Shows the ticket the server answered with. */
  show(detail: TicketDetail): void;
  /** Fetches the ticket again. */
  reload(): Promise<void>;
}

/**
 * Runs the action and shows its answer with a toast; when someone else acted first (stale version) the page
 * reloads, shows the new state and says why. Resolves true when the action went through.
 */
export async function actOnTicket(
  page: ActingPage,
  run: () => Promise<TicketDetail>,
  doneText: string,
): Promise<boolean> {
  try {
    page.show(await run());
    wx.showToast({ title: doneText, icon: 'success' });
    return true;
  } catch (error) {
    if (!isStaleVersion(error)) {
      showApiError(error);
      return false;
    }
    await page.reload();
    wx.showToast({ title: '工单已有新进展，已刷新为最新状态', icon: 'none' });
    return false;
  }
}

/** Polls a shown page every few seconds; production could use a realtime watch instead. */
export const POLL_MS = 5000;

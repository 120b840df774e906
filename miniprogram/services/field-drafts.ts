/**
 * Inspection drafts kept on the phone (wx storage): a walk is saved before it is sent, with the client request
 * id it will be sent under, and removed once the server has it. When the network returns, every kept draft is
 * sent again under its own id — the server records a walk once per id, so a draft sent twice is one walk.
 */
import type { InspectionAnswer, InspectionResult } from '../../typings/field';
import { ApiCallError } from './api';
import { submitInspection } from './field';
import { uploadFile } from './upload';

const KEY = 'fieldDrafts';

/** Answers that say "not now" rather than "no": the draft is kept and sent again later. */
const TRANSIENT: readonly string[] = ['INTERNAL', 'RATE.LIMITED', 'STORE.CONFLICT'];

/** An answer as the phone keeps it: a photo taken offline is a local path until it is uploaded. */
export interface DraftAnswer extends InspectionAnswer {
  photoPath?: string;
}

export interface InspectionDraft {
  taskId: string;
  clientRequestId: string;
  answers: DraftAnswer[];
  savedAt: string;
}

export function drafts(): InspectionDraft[] {
  const kept = wx.getStorageSync(KEY) as InspectionDraft[] | '';
  return Array.isArray(kept) ? kept : [];
}

function write(list: InspectionDraft[]): void {
  wx.setStorageSync(KEY, list);
}

/** Keeps (or replaces) the task's draft. */
export function keepDraft(draft: InspectionDraft): void {
  write([...drafts().filter((d) => d.taskId !== draft.taskId), draft]);
}

export function draftOf(taskId: string): InspectionDraft | undefined {
  return drafts().find((d) => d.taskId === taskId);
}

function drop(clientRequestId: string): void {
  write(drafts().filter((d) => d.clientRequestId !== clientRequestId));
}

/**
 * Sends one draft. The server's answer (ok or a refusal such as a finished round) ends the draft; a failure to
 * reach the server, or a "try later" (rate limit, conflict), keeps it for the next try and answers null.
 */
export async function sendDraft(draft: InspectionDraft): Promise<InspectionResult | null> {
  const answers: InspectionAnswer[] = [];
  try {
    for (const { photoPath, ...answer } of draft.answers)
      answers.push(
        photoPath && !answer.photoFileId
          ? { ...answer, photoFileId: await uploadFile(photoPath, 'tickets') }
          : answer,
      );
  } catch {
    return null;
  }
  try {
    const result = await submitInspection(draft.taskId, draft.clientRequestId, answers);
    drop(draft.clientRequestId);
    return result;
  } catch (error) {
    if (error instanceof ApiCallError && !TRANSIENT.includes(error.code)) {
      drop(draft.clientRequestId);
      throw error;
    }
    return null;
  }
}

let sending: Promise<number> | null = null;

/** Sends every kept draft, one run at a time; answers how many were sent. */
export function sendKeptDrafts(): Promise<number> {
  sending ??= (async () => {
    let sent = 0;
    for (const draft of drafts()) {
      try {
        if (await sendDraft(draft)) sent += 1;
      } catch {
        // Refused by the server: dropped by sendDraft; the due list shows the task's real state.
      }
    }
    return sent;
  })().finally(() => {
    sending = null;
  });
  return sending;
}

let watching = false;
/** Sends kept drafts whenever the phone comes back online (registered once per app run). */
export function sendDraftsWhenOnline(): void {
  if (watching) return;
  watching = true;
  wx.onNetworkStatusChange((res) => {
    if (res.isConnected) void sendKeptDrafts();
  });
}

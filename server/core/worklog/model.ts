/**
 * The work log 工作日志 is assembled from what a worker did — ticket events they acted in, inspections, care
 * and notice visits, notices shared into groups — so nothing is typed twice. Notes are the only thing written
 * for it.
 */
export interface WorklogNote {
  _id: string;
  userId: string;
  /** YYYY-MM-DD, Asia/Shanghai. */
  date: string;
  text: string;
  at: string;
}

export const worklogIds = {
  note: (userId: string, clientRequestId: string) => `wln_${userId}_${clientRequestId}`,
};

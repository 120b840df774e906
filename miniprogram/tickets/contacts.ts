/** The contacts a ticket page shows, in words: whom the reporter may call, the reporter for the one sent. */
import type { TicketDetail } from '../../typings/ticket';

export interface CallView {
  /** The button's words, e.g. 联系网格员 何丽萍. */
  text: string;
  phone: string;
}

export interface ReporterView {
  /** 刘女士 · 六四一三小区 2号楼 1单元 701 (the room only reaches the assignee and staff). */
  text: string;
  phone: string;
}

/** For the reporter: the handler to call, when the server gave a number. */
export function handlerCall(detail: TicketDetail): CallView | null {
  const contact = detail.handlerContact;
  return contact?.phone ? { text: `联系${contact.roleLabel} ${contact.name}`, phone: contact.phone } : null;
}

/** For the assignee and staff: the reporter's room and number. */
export function reporterCall(detail: TicketDetail): ReporterView | null {
  const contact = detail.reporterContact;
  if (!contact) return null;
  return {
    text: [contact.name, contact.address].filter(Boolean).join(' · '),
    phone: contact.phone ?? '',
  };
}

/** What a ticket's history says for the figures (folded in facts.ts); kept on the ticket document. */
export interface TicketFigureFacts {
  firstSignedAt: string | null;
  signedOnTime: boolean;
  lastResolvedAt: string | null;
  resolvedOnTime: boolean;
  reopens: number;
  extensions: number;
}

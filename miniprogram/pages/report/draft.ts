/** A report being written: its idempotency key and where it is, turned into the contract's TicketPlace. */
import type { TicketPlace } from '../../../typings/ticket';

export type PlaceMode = 'household' | 'building' | 'point';

/** Made once per draft: a retry after a lost answer sends the same id, so the server files one ticket. */
export function newClientRequestId(): string {
  return `rq-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 10)}`;
}

export interface PlaceDraft {
  mode: PlaceMode;
  householdId: string;
  buildingId: string;
  unit: string;
  floor: string;
  point: { lat: number; lng: number; addressText: string } | null;
}

/** The place to send, or null while the chosen way of saying where is incomplete. */
export function placeOf(draft: PlaceDraft): TicketPlace | null {
  switch (draft.mode) {
    case 'household':
      return draft.householdId ? { kind: 'household', householdId: draft.householdId } : null;
    case 'building': {
      if (!draft.buildingId) return null;
      const floor = Number.parseInt(draft.floor, 10);
      return {
        kind: 'building',
        buildingId: draft.buildingId,
        ...(draft.unit.trim() ? { unit: draft.unit.trim() } : {}),
        ...(Number.isFinite(floor) ? { floor } : {}),
      };
    }
    case 'point':
      return draft.point
        ? {
            kind: 'point',
            point: { lat: draft.point.lat, lng: draft.point.lng },
            ...(draft.point.addressText ? { addressText: draft.point.addressText } : {}),
          }
        : null;
  }
}

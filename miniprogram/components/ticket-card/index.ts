/** One ticket in a list (my tickets, inbox, duty queue, letters): title, state, age, time left. */
import type { TicketCard } from '../../tickets/views';

Component({
  properties: {
    card: { type: Object, value: {} as TicketCard },
  },
});

import dayjs from 'dayjs';
import { toIso, ZONE } from '../../server/core/time/shanghai';

describe('toIso', () => {
  test('agrees with the time-zone database for instants across years, days and midnight', () => {
    const start = Date.parse('1992-01-01T00:00:00Z');
    const end = Date.parse('2040-12-31T23:59:59Z');
    const step = Math.floor((end - start) / 800);
    for (let t = start; t <= end; t += step + 7_919) {
      expect(toIso(new Date(t))).toBe(dayjs(t).tz(ZONE).format('YYYY-MM-DDTHH:mm:ssZ'));
    }
  });

  test('a UTC instant just before midnight is the next day in Shanghai', () => {
    expect(toIso(new Date('2026-06-20T16:30:00Z'))).toBe('2026-06-21T00:30:00+08:00');
  });
});

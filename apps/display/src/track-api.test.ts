import { describe, expect, it } from 'vitest';
import { outcomeOf } from './track-api';
import { routeOf } from './routes';

describe('outcomeOf', () => {
  it('tells a typo, reads unknown and wrong code alike, and carries the wait of a 429', () => {
    expect(outcomeOf(400, { error: 'service-number-check-digit' }, null)).toEqual({ kind: 'typo' });
    expect(outcomeOf(404, { error: 'not-found' }, null)).toEqual({ kind: 'not-found' });
    expect(outcomeOf(429, { error: 'rate-limited', retryAfterMs: 12_300 }, '13')).toEqual({
      kind: 'rate-limited',
      retryAfterSeconds: 13,
    });
    expect(outcomeOf(429, null, '7')).toEqual({ kind: 'rate-limited', retryAfterSeconds: 7 });
    expect(outcomeOf(500, { error: 'internal-error' }, null)).toEqual({ kind: 'offline' });
    expect(outcomeOf(200, { nonsense: true }, null)).toEqual({ kind: 'offline' });
  });
});

describe('routeOf', () => {
  it('reads the display routes', () => {
    expect(routeOf('/display/', '')).toEqual({ screen: 'wall' });
    expect(routeOf('/display/wall', '?key=k')).toEqual({ screen: 'wall' });
    expect(routeOf('/display/counter/12', '')).toEqual({ screen: 'counter', counter: 12 });
    expect(routeOf('/display/counter/x', '')).toEqual({ screen: 'wall' });
    expect(routeOf('/display/board', '')).toEqual({ screen: 'board' });
    expect(routeOf('/display/track', '')).toEqual({ screen: 'track' });
    expect(routeOf('/display/ticket', '?t=T1&sn=370000261127000018&c=123456')).toEqual({
      screen: 'ticket',
      ticketId: 'T1',
      serviceNumber: '370000261127000018',
      code: '123456',
    });
  });
});

import type { HallCommand } from '@yizhan/shared';
import { describe, expect, it } from 'vitest';
import { HallMetrics } from '../src/app/metrics';
import type { Hall } from '../src/hall/hall-runtime';
import { openTestHall } from './support/test-hall-server';

function must(hall: Hall, command: HallCommand): void {
  const result = hall.submit(command, 'system:test');
  if (!result.ok) throw new Error(`${command.type}: ${result.error}`);
}

function issue(hall: Hall, serviceCode: string, key: string): void {
  must(hall, {
    type: 'ticket:issue',
    serviceCode,
    priority: 'normal',
    greenReason: null,
    channel: 'kiosk',
    idempotencyKey: key,
    verificationCode: '123456',
  });
}

/** The value of one sample line, e.g. `yizhan_waiting_tickets{service="x"} 2`. */
function sample(text: string, series: string): number | undefined {
  const line = text.split('\n').find((l) => l.startsWith(`${series} `));
  return line === undefined ? undefined : Number(line.slice(series.length + 1));
}

describe('HallMetrics', () => {
  it('reports every configured service as waiting, zero included, read from the hall when scraped', async () => {
    const { hall } = openTestHall();
    const metrics = new HallMetrics(hall);
    const services = hall.config.config.services.map((s) => s.code);
    const [first, second] = services as [string, string];

    let text = await metrics.render();
    for (const code of services) expect(sample(text, `yizhan_waiting_tickets{service="${code}"}`)).toBe(0);

    must(hall, { type: 'day:open' });
    issue(hall, first, 'tap-0001');
    issue(hall, first, 'tap-0002');
    issue(hall, second, 'tap-0003');
    text = await metrics.render();
    expect(sample(text, `yizhan_waiting_tickets{service="${first}"}`)).toBe(2);
    expect(sample(text, `yizhan_waiting_tickets{service="${second}"}`)).toBe(1);
    expect(sample(text, 'yizhan_event_seq')).toBe(hall.seq());
  });

  it('counts issued tickets by service, clients by role, and call-to-broadcast times in millisecond buckets', async () => {
    const { hall } = openTestHall();
    const metrics = new HallMetrics(hall);
    metrics.ticketIssued('civil-service-registration');
    metrics.ticketIssued('civil-service-registration');
    metrics.clientConnected('display');
    metrics.clientConnected('display');
    metrics.clientConnected('clerk');
    metrics.clientDisconnected('display');
    metrics.observeCallToBroadcast(3);
    metrics.observeCallToBroadcast(40);

    const text = await metrics.render();
    expect(sample(text, 'yizhan_tickets_issued_total{service="civil-service-registration"}')).toBe(2);
    expect(sample(text, 'yizhan_connected_clients{role="display"}')).toBe(1);
    expect(sample(text, 'yizhan_connected_clients{role="clerk"}')).toBe(1);
    expect(sample(text, 'yizhan_call_to_broadcast_seconds_bucket{le="0.001"}')).toBe(0);
    expect(sample(text, 'yizhan_call_to_broadcast_seconds_bucket{le="0.005"}')).toBe(1);
    expect(sample(text, 'yizhan_call_to_broadcast_seconds_bucket{le="0.05"}')).toBe(2);
    expect(sample(text, 'yizhan_call_to_broadcast_seconds_count')).toBe(2);
    expect(sample(text, 'yizhan_call_to_broadcast_seconds_sum')).toBeCloseTo(0.043, 6);
  });

  it('includes the process metrics, and keeps each hall on its own registry', async () => {
    const one = new HallMetrics(openTestHall().hall);
    const two = new HallMetrics(openTestHall().hall);
    one.ticketIssued('civil-service-registration');

    const text = await two.render();
    expect(text).toContain('process_cpu_user_seconds_total');
    expect(text).toContain('nodejs_heap_size_used_bytes');
    expect(text).not.toContain('yizhan_tickets_issued_total{');
    expect(two.contentType).toMatch(/^text\/plain; version=0\.0\.4/);
  });
});

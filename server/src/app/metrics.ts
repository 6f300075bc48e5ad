import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';
import type { Hall } from '../hall/hall-runtime';

/**
 * The hall's Prometheus metrics, on a registry of its own so two halls (or
 * two tests) in one process never share counters. Queue lengths and the event
 * seq are read from the hall when scraped rather than kept in step by hand.
 */
export class HallMetrics {
  private readonly registry = new Registry();
  private readonly ticketsIssued: Counter<'service'>;
  private readonly callToBroadcast: Histogram;
  private readonly connectedClients: Gauge<'role'>;

  constructor(hall: Hall) {
    const registers = [this.registry];
    collectDefaultMetrics({ register: this.registry });

    this.ticketsIssued = new Counter({
      name: 'yizhan_tickets_issued_total',
      help: 'Tickets issued, by service',
      labelNames: ['service'],
      registers,
    });

    new Gauge({
      name: 'yizhan_waiting_tickets',
      help: 'Tickets waiting now, by service (every configured service, zero included)',
      labelNames: ['service'],
      registers,
      collect() {
        // Reset first: a service removed by a new configuration must not linger.
        this.reset();
        for (const service of hall.config.config.services) {
          this.set({ service: service.code }, hall.state.waitingByService.get(service.code) ?? 0);
        }
      },
    });

    // A call should reach the wall board within a few milliseconds; buckets
    // from 1 ms to 1 s show both the normal case and a stalled event loop.
    this.callToBroadcast = new Histogram({
      name: 'yizhan_call_to_broadcast_seconds',
      help: 'Time from a call command arriving to its broadcast to clients',
      buckets: [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1],
      registers,
    });

    this.connectedClients = new Gauge({
      name: 'yizhan_connected_clients',
      help: 'Connected socket clients, by role',
      labelNames: ['role'],
      registers,
    });

    new Gauge({
      name: 'yizhan_event_seq',
      help: 'Sequence number of the last event in the log',
      registers,
      collect() {
        this.set(hall.seq());
      },
    });
  }

  get contentType(): string {
    return this.registry.contentType;
  }

  ticketIssued(serviceCode: string): void {
    this.ticketsIssued.inc({ service: serviceCode });
  }

  observeCallToBroadcast(ms: number): void {
    this.callToBroadcast.observe(ms / 1000);
  }

  clientConnected(role: string): void {
    this.connectedClients.inc({ role });
  }

  clientDisconnected(role: string): void {
    this.connectedClients.dec({ role });
  }

  render(): Promise<string> {
    return this.registry.metrics();
  }
}

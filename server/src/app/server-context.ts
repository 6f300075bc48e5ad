import type { Logger } from 'pino';
import type { Devices } from '../auth/devices';
import type { StaffAccounts } from '../auth/staff-accounts';
import type { Clock } from '../hall/clock';
import type { Hall } from '../hall/hall-runtime';
import type { RateLimiter } from '../ops/rate-limiter';
import type { PrintingService } from '../printing/printing-service';
import type { ConfigStore } from './config-store';
import type { HallMetrics } from './metrics';

/** Everything request handlers (socket and HTTP) work with; built once in `createServerApp`. */
export interface ServerContext {
  hall: Hall;
  accounts: StaffAccounts;
  devices: Devices;
  configStore: ConfigStore;
  metrics: HallMetrics;
  logger: Logger;
  clock: Clock;
  /** Public case tracking, per client address. */
  trackingLimiter: RateLimiter;
  /** Ticket printers on the hall LAN (see server/src/printing); absent in contexts built without them. */
  printing?: PrintingService;
}

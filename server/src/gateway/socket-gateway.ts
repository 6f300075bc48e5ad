import type { Server as HttpServer } from 'node:http';
import {
  ackError,
  CLIENT_REQUEST_NAMES,
  type ClientToServerEvents,
  type ConnectionRole,
  type ServerToClientEvents,
  type SeqEvent,
} from '@yizhan/shared';
import { Server, type Socket } from 'socket.io';
import { roleOf, type Principal } from '../auth/principal';
import type { ServerContext } from '../app/server-context';
import { RateLimiter } from '../ops/rate-limiter';
import { handleRequest } from './handle-request';
import { eventsFor, roomOf, viewOf, type View } from './role-views';

interface SocketData {
  principal: Principal;
  role: ConnectionRole;
  view: View;
  address: string;
}

export type HallSocketServer = Server<
  ClientToServerEvents,
  ServerToClientEvents,
  Record<string, never>,
  SocketData
>;
type HallSocket = Socket<ClientToServerEvents, ServerToClientEvents, Record<string, never>, SocketData>;

/** Largest accepted message: requests are small; anything bigger is an attack or a bug. */
const MAX_MESSAGE_BYTES = 64 * 1024;

/**
 * The realtime gateway. A connection's role comes from its handshake (a staff
 * session token, a device key, or nothing for the public); it joins the room
 * of its view, and every committed command's events are broadcast once per
 * view, after the commit. Every request is validated, authorised and acked.
 */
export interface GatewayOptions {
  /** Requests per connection per minute, and the burst (default 1200 / 200). */
  floodGuard?: { perMinute: number; burst: number };
}

export function createSocketGateway(
  httpServer: HttpServer,
  ctx: ServerContext,
  options: GatewayOptions = {},
): HallSocketServer {
  const io: HallSocketServer = new Server(httpServer, {
    path: '/socket.io',
    maxHttpBufferSize: MAX_MESSAGE_BYTES,
    serveClient: false,
    cors: { origin: false },
    // Boards and kiosks live on a hall LAN: notice a dead connection within ~30 s.
    pingInterval: 10_000,
    pingTimeout: 20_000,
  });
  const floodGuard = new RateLimiter({
    perMinute: options.floodGuard?.perMinute ?? 1200,
    burst: options.floodGuard?.burst ?? 200,
    now: () => ctx.clock.now(),
  });

  io.use((socket, next) => {
    const principal = authenticate(ctx, socket.handshake.auth);
    if (principal === 'session-expired' || principal === 'unauthenticated') {
      next(new Error(principal));
      return;
    }
    const view = viewOf(principal);
    socket.data = { principal, role: roleOf(principal), view, address: socket.handshake.address };
    next();
  });

  io.on('connection', (socket: HallSocket) => {
    const { role, view } = socket.data;
    // The view's room gets the broadcasts; the role's room lets the server address, say, every kiosk.
    void socket.join([roomOf(view), `role:${role}`]);
    ctx.metrics.clientConnected(role);
    socket.on('disconnect', () => ctx.metrics.clientDisconnected(role));

    for (const name of CLIENT_REQUEST_NAMES) {
      socket.on(name, ((payload: unknown, ack: unknown) => {
        if (typeof ack !== 'function') return; // every request must be acked; one without a callback is dropped
        const started = performance.now();
        const guard = floodGuard.take(socket.id);
        if (!guard.ok) {
          ack(ackError('rate-limited', { retryAfterMs: guard.retryAfterMs }));
          return;
        }
        if (name === 'case:lookup') {
          const limit = ctx.trackingLimiter.take(socket.data.address);
          if (!limit.ok) {
            ack(ackError('rate-limited', { retryAfterMs: limit.retryAfterMs }));
            return;
          }
        }
        if (socket.data.principal.kind !== 'public') {
          // A logout, a reset password, a disabled account or a revoked device
          // key takes effect at once, also on a connection opened before it
          // (and when `npm run admin` changed it from another process).
          const still = authenticate(ctx, socket.handshake.auth);
          if (still === 'session-expired' || still === 'unauthenticated') {
            ack(ackError(still));
            socket.disconnect(true);
            return;
          }
          socket.data.principal = still;
        }
        let response;
        try {
          response = handleRequest(ctx, socket.data.principal, name, payload);
        } catch (error) {
          ctx.logger.error({ err: error, request: name }, 'request failed');
          response = ackError('internal-error');
        }
        if (name.startsWith('ticket:call') || name === 'ticket:recall') {
          // The commit listener has already broadcast the call when submit returns.
          ctx.metrics.observeCallToBroadcast(performance.now() - started);
        }
        ack(response);
      }) as never);
    }

    socket.onAny((name: string, ...args: unknown[]) => {
      if ((CLIENT_REQUEST_NAMES as string[]).includes(name)) return;
      const ack = args.at(-1);
      if (typeof ack === 'function')
        ack(ackError('unknown-request', { message: `no request named "${name.slice(0, 40)}"` }));
    });
  });

  ctx.hall.onCommit((events: SeqEvent[]) => broadcast(io, events));
  return io;
}

/** One emit per view that has anyone in it, each cut for that view. */
function broadcast(io: HallSocketServer, events: SeqEvent[]): void {
  const rooms = io.sockets.adapter.rooms;
  const views: View[] = [{ kind: 'public' }, { kind: 'staff' }];
  for (const room of rooms.keys()) {
    if (room.startsWith('view:department:')) views.push({ kind: 'department', department: room.slice(16) });
  }
  for (const view of views) {
    const room = roomOf(view);
    if (!rooms.has(room)) continue;
    io.to(room).emit('hall:events', eventsFor(view, events));
  }
}

function authenticate(ctx: ServerContext, auth: unknown): Principal | 'session-expired' | 'unauthenticated' {
  const given = (auth ?? {}) as { token?: unknown; deviceKey?: unknown };
  if (typeof given.token === 'string' && given.token) {
    const session = ctx.accounts.authenticate(given.token);
    if (!session.ok) return session.error;
    return { kind: 'staff', account: session.account, expiresAt: session.expiresAt };
  }
  if (typeof given.deviceKey === 'string' && given.deviceKey) {
    const device = ctx.devices.authenticate(given.deviceKey);
    return device ? { kind: 'device', device } : 'unauthenticated';
  }
  return { kind: 'public' };
}

import { RECONNECT_OPTIONS, type ClientToServerEvents, type ServerToClientEvents } from '@yizhan/shared';
import { io, type Socket } from 'socket.io-client';
import { fetchCatalog } from './catalog';
import { DEVICE_KEY } from './settings';
import { useKiosk } from './store';

export type KioskSocket = Socket<ServerToClientEvents, ClientToServerEvents>;

/**
 * The kiosk's one connection, made at module load (before React renders) so
 * no event is missed. socket.io reconnects by itself; while it cannot, the
 * kiosk shows the staff message.
 */
export const socket: KioskSocket = io({
  path: '/socket.io',
  auth: DEVICE_KEY ? { deviceKey: DEVICE_KEY } : {},
  transports: ['websocket'],
  ...RECONNECT_OPTIONS,
});

const { setConnected, setCatalog, jobDone } = useKiosk.getState();

let catalogTimer: ReturnType<typeof setTimeout> | null = null;
async function loadCatalog(): Promise<void> {
  if (catalogTimer) clearTimeout(catalogTimer);
  try {
    setCatalog(await fetchCatalog());
  } catch {
    catalogTimer = setTimeout(() => void loadCatalog(), 3000);
  }
}

socket.on('connect', () => {
  setConnected(true);
  void loadCatalog();
});
socket.on('disconnect', () => setConnected(false));
socket.on('connect_error', () => setConnected(false));
socket.on('hall:config-changed', () => void loadCatalog());
socket.on('printer:job', (job) => jobDone(job.ticketId, job.result));

void loadCatalog();

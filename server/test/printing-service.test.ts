import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type {
  ClientToServerEvents,
  IssuedTicket,
  PrinterStatusView,
  PrintJobResult,
  ServerToClientEvents,
} from '@yizhan/shared';
import { io, type Socket } from 'socket.io-client';
import { afterEach, describe, expect, it } from 'vitest';
import { REPO_ROOT, startTestHall, type TestHall } from '../../e2e/support/start-hall';
import { withPrinters } from '../src/printing/printing-yaml';
import { VirtualPrinter } from '../src/printing/virtual-printer';

type Client = Socket<ServerToClientEvents, ClientToServerEvents>;

let hall: TestHall | null = null;
let printer: VirtualPrinter | null = null;
const sockets: Client[] = [];
afterEach(async () => {
  for (const s of sockets.splice(0)) s.disconnect();
  await hall?.close();
  await printer?.close();
  hall = printer = null;
});

async function setUp(): Promise<{
  hall: TestHall;
  printer: VirtualPrinter;
  kiosk: Client;
  jobs: PrintJobResult[];
}> {
  printer = new VirtualPrinter({ columns: 48 });
  const port = await printer.listen();
  const dir = mkdtempSync(join(tmpdir(), 'yizhan-print-'));
  const configPath = join(dir, 'hall.yaml');
  const yaml = readFileSync(join(REPO_ROOT, 'config/hall.default.yaml'), 'utf8');
  writeFileSync(configPath, withPrinters(yaml, [{ code: 'p1', port, kiosks: ['kiosk 1'] }]));
  hall = await startTestHall({ configPath });
  const kiosk: Client = io(hall.url, {
    auth: { deviceKey: hall.addDevice('kiosk', 'kiosk 1') },
    transports: ['websocket'],
  });
  sockets.push(kiosk);
  const jobs: PrintJobResult[] = [];
  kiosk.on('printer:job', (job) => jobs.push(job));
  await new Promise<void>((resolve) => kiosk.once('connect', () => resolve()));
  return { hall, printer, kiosk, jobs };
}

function issue(kiosk: Client, key: string): Promise<IssuedTicket> {
  return new Promise((resolve, reject) =>
    kiosk.emit(
      'ticket:issue',
      { serviceCode: 'civil-service-appointment', priority: 'normal', channel: 'kiosk', idempotencyKey: key },
      (ack) => (ack.ok ? resolve(ack.data) : reject(new Error(ack.error))),
    ),
  );
}

async function until<T>(get: () => T | undefined, timeoutMs = 5000): Promise<T> {
  const end = Date.now() + timeoutMs;
  for (;;) {
    const value = get();
    if (value !== undefined) return value;
    if (Date.now() > end) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 20));
  }
}

describe('printing tickets on the kiosk network printer', () => {
  it('prints a new ticket once, fails while the printer is offline, and reprints when it is back', async () => {
    const { hall, printer, kiosk, jobs } = await setUp();
    const ticket = await issue(kiosk, 'tap-print-0001');
    expect(ticket.print).toBe('queued');
    const receipt = await printer.nextReceipt(5000, 0);
    expect(receipt.text).toContain(ticket.callNumber);
    expect(receipt.text).toContain('公务员录用审批');
    expect(receipt.text).toContain(ticket.verificationCode);
    expect(receipt.text).toContain(
      `/display/ticket?t=${encodeURIComponent(ticket.ticketId)}&sn=${ticket.serviceNumber}&c=${ticket.verificationCode}`,
    );
    expect(await until(() => jobs.find((j) => j.ticketId === ticket.ticketId))).toMatchObject({
      result: 'ok',
      printer: 'p1',
    });

    // The same tap again: the same ticket, no second slip.
    const again = await issue(kiosk, 'tap-print-0001');
    expect(again).toMatchObject({ ticketId: ticket.ticketId, replay: true, print: 'not-printed' });

    printer.setMode('offline');
    const second = await issue(kiosk, 'tap-print-0002');
    expect(second.print).toBe('queued');
    expect(await until(() => jobs.find((j) => j.ticketId === second.ticketId))).toMatchObject({
      result: 'failed',
      state: 'unreachable',
    });
    // The ticket stays valid: it waits in the queue.
    expect(hall.server.context.hall.state.tickets.get(second.ticketId)?.status).toBe('waiting');

    const token = await (async () => {
      await hall.addStaff('sup', 'supervisor');
      return hall.login('sup');
    })();
    const printers = (await (
      await fetch(`${hall.url}/api/printers`, { headers: { authorization: `Bearer ${token}` } })
    ).json()) as {
      printers: { code: string; state: string; lastError: string | null }[];
    };
    expect(printers.printers).toEqual([expect.objectContaining({ code: 'p1', state: 'unreachable' })]);
    expect((await fetch(`${hall.url}/api/printers`)).status).toBe(401);

    printer.setMode('online');
    const reprint = await new Promise((resolve) =>
      kiosk.emit('ticket:reprint', { ticketId: second.ticketId }, resolve),
    );
    expect(reprint).toEqual({ ok: true, data: { ticketId: second.ticketId, print: 'queued' } });
    const reprinted = await printer.nextReceipt(5000, 1);
    expect(reprinted.text).toContain(second.callNumber);
    expect(await until(() => jobs.filter((j) => j.ticketId === second.ticketId)[1])).toMatchObject({
      result: 'ok',
    });
  });

  it('tells staff when a printer changes state, polls printers, and lets a supervisor reprint on the same printer', async () => {
    const { hall, printer, kiosk, jobs } = await setUp();
    await hall.addStaff('desk', 'supervisor');
    const staff: Client = io(hall.url, {
      auth: { token: await hall.login('desk') },
      transports: ['websocket'],
    });
    sockets.push(staff);
    const statuses: PrinterStatusView[][] = [];
    staff.on('printer:status', (list) => statuses.push(list));
    await new Promise<void>((resolve) => staff.once('connect', () => resolve()));

    printer.setMode('paper-out');
    expect(await hall.server.context.printing?.poll()).toEqual([
      expect.objectContaining({ code: 'p1', state: 'paper-out' }),
    ]);
    await until(() => statuses.find((list) => list[0]?.state === 'paper-out'));
    const ticket = await issue(kiosk, 'tap-staff-0001');
    expect(await until(() => jobs.find((j) => j.ticketId === ticket.ticketId))).toMatchObject({
      result: 'failed',
      state: 'paper-out',
    });
    expect(printer.receipts).toEqual([]);

    printer.setMode('online');
    const answer = await new Promise((resolve) =>
      staff.emit('ticket:reprint', { ticketId: ticket.ticketId }, resolve),
    );
    expect(answer).toEqual({ ok: true, data: { ticketId: ticket.ticketId, print: 'queued' } });
    expect((await printer.nextReceipt(5000, 0)).text).toContain(ticket.callNumber);
    await until(() => statuses.find((list) => list[0]?.state === 'online'));
    const unknown = await new Promise((resolve) =>
      staff.emit('ticket:reprint', { ticketId: ticket.ticketId, printer: 'nope' }, resolve),
    );
    expect(unknown).toMatchObject({ ok: false, error: 'not-found' });
    const missing = await new Promise((resolve) => staff.emit('ticket:reprint', { ticketId: 'x' }, resolve));
    expect(missing).toMatchObject({ ok: false, error: 'unknown-ticket' });
  });

  it('sends one job at a time to a printer', async () => {
    const { printer, kiosk } = await setUp();
    const issued = await Promise.all(['a', 'b', 'c', 'd'].map((n) => issue(kiosk, `tap-burst-000${n}`)));
    await until(() => printer.receipts[3]);
    expect(printer.peakConnections).toBe(1);
    expect(printer.receipts.map((r) => /([A-Z]\d{3}) {3}«2x2/.exec(r.text)?.[1]).sort()).toEqual(
      issued.map((t) => t.callNumber).sort(),
    );
  });

  it('gives the kiosk shell the receipt bytes for its USB printer, and no one else', async () => {
    const { hall, kiosk } = await setUp();
    const ticket = await issue(kiosk, 'tap-usb-00001');
    const key = hall.addDevice('kiosk', 'kiosk 2');
    const url = `${hall.url}/api/tickets/${encodeURIComponent(ticket.ticketId)}/receipt?paper=58`;
    const ok = await fetch(url, { headers: { 'x-device-key': key } });
    expect(ok.status).toBe(200);
    const bytes = Buffer.from(await ok.arrayBuffer());
    expect(bytes.subarray(0, 4)).toEqual(Buffer.from([0x1b, 0x40, 0x1c, 0x26]));
    expect((await fetch(url)).status).toBe(401);
    const display = hall.addDevice('display', 'wall');
    expect((await fetch(url, { headers: { 'x-device-key': display } })).status).toBe(401);
    const missing = await fetch(`${hall.url}/api/tickets/nope/receipt`, { headers: { 'x-device-key': key } });
    expect(missing.status).toBe(404);
  });
});

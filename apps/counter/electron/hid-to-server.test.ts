import { io, type Socket } from 'socket.io-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Ack, ClientToServerEvents, ServerToClientEvents } from '@yizhan/shared';
import { startTestHall, type TestHall } from '../../../e2e/support/start-hall';
import type { HardwarePress } from '../src/counter-actions';
import { pressOutcome } from '../src/press-request';
import { FakeHidBackend } from './fake-hid';
import { HidInputs } from './hid-inputs';
import { keyboardReport } from './hid-report';
import { parseShellConfig } from './shell-config';

/**
 * Real report bytes from a fake keypad and rating pad, through the shell's
 * decoding and key maps and the renderer's press → request mapping, to the
 * real hall server over socket.io.
 */
const CONFIG = parseShellConfig(
  JSON.stringify({
    serverUrl: 'http://127.0.0.1:1',
    counter: 1,
    keypad: {
      vendorId: 0x1a2c,
      productId: 0x0e24,
      keys: { '0x3a': 'call-next', '0x3b': 'recall', '0x3c': 'serve', '0x3d': 'no-show', '0x3e': 'complete' },
    },
    ratingPad: { vendorId: 0x1a2c, productId: 0x0e25, keys: { '0x59': 4, '0x5a': 3, '0x5b': 2, '0x5c': 1 } },
  }),
);

type ClientSocket = Socket<ServerToClientEvents, ClientToServerEvents>;
let hall: TestHall;
let socket: ClientSocket;

function request(name: string, payload: unknown): Promise<Ack<unknown>> {
  const emit = socket.emit.bind(socket) as unknown as (
    n: string,
    p: unknown,
    ack: (r: Ack<unknown>) => void,
  ) => void;
  return new Promise((resolve) => emit(name, payload, resolve));
}

beforeAll(async () => {
  hall = await startTestHall();
  await hall.addStaff('hid-clerk', 'clerk', { name: '王窗口' });
  const token = await hall.login('hid-clerk');
  socket = io(hall.url, { auth: { token }, transports: ['websocket'] });
  await new Promise<void>((resolve) => socket.on('connect', resolve));
  expect(await request('clerk:login', { counter: 1 })).toMatchObject({ ok: true });
  expect(await request('counter:open', { counter: 1 })).toMatchObject({ ok: true });
});

afterAll(async () => {
  socket.close();
  await hall.close();
});

describe('HID keypad and rating pad against the real server', () => {
  it('drives call, recall, serve, complete and stores the rating with the case and the clerk', async () => {
    if (!CONFIG.ok) throw new Error(CONFIG.problems.join('\n'));
    const runtime = hall.server.context.hall;
    const issued = runtime.submit(
      {
        type: 'ticket:issue',
        serviceCode: 'exam-certificate-collection',
        priority: 'normal',
        greenReason: null,
        channel: 'kiosk',
        idempotencyKey: 'hid-test-0001',
        verificationCode: '123456',
      },
      'system:test',
    );
    expect(issued.ok).toBe(true);

    const answers: Promise<Ack<unknown>>[] = [];
    const backend = new FakeHidBackend();
    const inputs = new HidInputs(
      backend,
      CONFIG.config,
      (press: HardwarePress) => {
        const outcome = pressOutcome(press, 1, false);
        if (outcome.kind === 'request') answers.push(request(outcome.name, outcome.payload));
      },
      { info: () => undefined, warn: () => undefined },
    );
    backend.plug('/dev/hidraw0', 0x1a2c, 0x0e24);
    backend.plug('/dev/hidraw1', 0x1a2c, 0x0e25);
    inputs.poll();
    const keypad = backend.device('/dev/hidraw0');
    const up = Uint8Array.from([0, 0, 0, 0, 0, 0, 0, 0]);
    const press = async (bytes: number[]) => {
      keypad.send(Uint8Array.from(bytes));
      keypad.send(up);
      return answers.at(-1);
    };

    expect(await press([0, 0, 0x3a, 0, 0, 0, 0, 0])).toMatchObject({ ok: true }); // call next
    const ticketId = runtime.state.counters.get(1)?.current;
    expect(ticketId).toBeTruthy();
    expect(await press([0, 0, 0x3b, 0, 0, 0, 0, 0])).toMatchObject({ ok: true }); // recall
    expect(runtime.state.tickets.get(ticketId ?? '')?.recalls).toBe(1);
    expect(await press([0, 0, 0x3c, 0, 0, 0, 0, 0])).toMatchObject({ ok: true }); // serve
    expect(runtime.state.tickets.get(ticketId ?? '')?.status).toBe('serving');
    expect(await press([0, 0, 0x3e, 0, 0, 0, 0, 0])).toMatchObject({ ok: true }); // complete
    const serviceNumber = runtime.state.tickets.get(ticketId ?? '')?.serviceNumber ?? '';
    expect(runtime.state.cases.get(serviceNumber)?.state).toBe('completed');

    // The visitor presses 满意 (3) on the rating pad; a second press is refused.
    backend.device('/dev/hidraw1').send(keyboardReport([0x5a]));
    expect(await answers.at(-1)).toMatchObject({ ok: true });
    backend.device('/dev/hidraw1').send(keyboardReport([]));
    backend.device('/dev/hidraw1').send(keyboardReport([0x59]));
    expect(await answers.at(-1)).toMatchObject({ ok: false, error: 'step-already-rated' });

    const clerkId = runtime.state.counters.get(1)?.clerk?.id;
    expect(runtime.state.cases.get(serviceNumber)?.ratings).toEqual([
      expect.objectContaining({ score: 3, counter: 1, clerk: clerkId, stepIndex: 0 }),
    ]);
    // Stored, not only in memory: the case as the store reads it back from SQLite.
    expect(runtime.store.findCase(serviceNumber)?.ratings).toEqual([expect.objectContaining({ score: 3 })]);
    inputs.stop();
  });
});

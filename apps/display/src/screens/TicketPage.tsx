import { useEffect, useRef, useState } from 'react';
import { peopleAhead } from '../board-state';
import { useDisplay } from '../store';
import { T } from './common';
import { PublicBoard } from './PublicBoard';
import { TrackForm } from './TrackPage';

/**
 * Opened from the QR code on a ticket: that ticket highlighted, how many are
 * ahead, a sound and a vibration when it is called, and its case below.
 */
export function TicketPage({
  ticketId,
  serviceNumber,
  code,
}: {
  ticketId: string;
  serviceNumber: string;
  code: string;
}) {
  const ticket = useDisplay((s) => s.board.tickets[ticketId] ?? null);
  const ahead = useDisplay((s) => peopleAhead(s.board, ticketId));
  const call = useDisplay((s) => s.board.latestCalls.find((c) => c.ticketId === ticketId) ?? null);
  const [initial] = useState(() => ({ serviceNumber, code, auto: serviceNumber !== '' && code !== '' }));
  useCallAlert(call ? `${call.seq ?? call.at}` : null);
  const sound = useSoundUnlock();
  return (
    <div className="ticket-page">
      <section
        className={call && ahead === null ? 'my-ticket my-ticket-called' : 'my-ticket'}
        data-testid="my-ticket"
      >
        <div className="my-label">
          <T k="yourTicket" />
        </div>
        <div className="my-number" data-testid="my-number">
          {ticket?.callNumber ?? '—'}
        </div>
        {ahead !== null ? (
          <div className="my-ahead" data-testid="my-ahead">
            <T k="ahead" /> <b>{ahead}</b> <T k="people" />
          </div>
        ) : call ? (
          <div className="my-called" data-testid="my-called">
            <T k="calledYou" /> <b>{call.counter}</b> <T k="calledYouSuffix" />
          </div>
        ) : ticket ? (
          <div className="my-ahead">
            <T k="notWaiting" />
          </div>
        ) : null}
        <button type="button" className="sound-button" onClick={sound.unlock} disabled={sound.on}>
          <T k={sound.on ? 'soundIsOn' : 'soundOn'} />
        </button>
      </section>
      <PublicBoard highlight={ticketId} />
      {initial.auto ? (
        <section className="phone">
          <h2 className="phone-h2">
            <T k="track" />
          </h2>
          <TrackForm initial={initial} refresh={call ? `${call.seq ?? call.at}` : ''} />
        </section>
      ) : null}
    </div>
  );
}

let audio: AudioContext | null = null;

/** Phones play sound only after a tap: the button unlocks one AudioContext for the chime. */
function useSoundUnlock(): { on: boolean; unlock: () => void } {
  const [on, setOn] = useState(false);
  return {
    on,
    unlock: () => {
      audio ??= new AudioContext();
      void audio.resume().then(() => setOn(true));
    },
  };
}

/** Each new call of this ticket (first call or recall): vibrate and chime, once. */
function useCallAlert(callKey: string | null) {
  const seen = useRef<string | null>(callKey);
  useEffect(() => {
    if (callKey === null || callKey === seen.current) return;
    seen.current = callKey;
    navigator.vibrate?.([400, 200, 400, 200, 400]);
    if (audio?.state === 'running') void playChime(audio);
  }, [callKey]);
}

async function playChime(context: AudioContext): Promise<void> {
  try {
    const data = await (await fetch(`${import.meta.env.BASE_URL}voice/chime.wav`)).arrayBuffer();
    const source = context.createBufferSource();
    source.buffer = await context.decodeAudioData(data);
    source.connect(context.destination);
    source.start();
  } catch {
    // The vibration and the green banner still tell the visitor.
  }
}

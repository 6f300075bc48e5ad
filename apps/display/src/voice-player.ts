import { announceCall } from '@yizhan/shared';
import type { Announcement, AnnouncementPlayer } from './announcer';

export interface VoiceSettings {
  volume: number;
  preferWebSpeech: boolean;
  /** Also say the English sentence (bilingual halls). */
  english: boolean;
}

/** Where the build puts the clips (scripts/render-voice-clips.ts): `<key>.wav` under this folder. */
const CLIP_BASE = `${import.meta.env.BASE_URL}voice/`;
const CHIME = 'chime';
/** A silent gap between the chime and the sentence, and after the sentence, in seconds. */
const GAP_S = 0.15;

/**
 * Chime, then the sentence: the browser's Chinese voice when the hall prefers
 * it and one is installed, otherwise the pre-rendered clips decoded once and
 * scheduled back to back on one Web Audio timeline. The promise settles when
 * the sound has ended (by a timer on the scheduled length, since a headless or
 * muted output may never fire `ended`).
 */
export class VoicePlayer implements AnnouncementPlayer {
  private context: AudioContext | null = null;
  private readonly buffers = new Map<string, Promise<AudioBuffer | null>>();

  constructor(private readonly settings: () => VoiceSettings) {}

  async play(announcement: Announcement): Promise<void> {
    const text = announceCall(announcement.callNumber, announcement.counter);
    const settings = this.settings();
    const keys = [CHIME, ...text.clips.zh, ...(settings.english ? text.clips.en : [])];
    const speech = settings.preferWebSpeech ? chineseVoice() : null;
    if (speech) {
      await this.playClips([CHIME], settings.volume);
      await speak(text.speech.zh, speech, settings.volume);
      if (settings.english) await speak(text.speech.en, null, settings.volume);
      return;
    }
    await this.playClips(keys, settings.volume);
  }

  private audio(): AudioContext {
    this.context ??= new AudioContext();
    if (this.context.state === 'suspended') void this.context.resume().catch(() => undefined);
    return this.context;
  }

  private clip(key: string): Promise<AudioBuffer | null> {
    let buffer = this.buffers.get(key);
    if (!buffer) {
      const context = this.audio();
      buffer = fetch(`${CLIP_BASE}${key}.wav`)
        .then((r) => (r.ok ? r.arrayBuffer() : Promise.reject(new Error(`${key}: ${r.status}`))))
        .then((data) => context.decodeAudioData(data))
        .catch(() => null);
      this.buffers.set(key, buffer);
    }
    return buffer;
  }

  private async playClips(keys: readonly string[], volume: number): Promise<void> {
    const context = this.audio();
    const buffers = await Promise.all(keys.map((k) => this.clip(k)));
    const gain = context.createGain();
    gain.gain.value = volume;
    gain.connect(context.destination);
    let at = context.currentTime + 0.05;
    buffers.forEach((buffer, i) => {
      if (!buffer) return; // a missing clip leaves a gap rather than silencing the call
      const source = context.createBufferSource();
      source.buffer = buffer;
      source.connect(gain);
      source.start(at);
      at += buffer.duration + (i === 0 ? GAP_S : 0);
    });
    const lengthMs = (at - context.currentTime + GAP_S) * 1000;
    await new Promise((resolve) => setTimeout(resolve, Math.max(0, lengthMs)));
    gain.disconnect();
  }

  /** Fetch and decode every clip up front, so the first call is not late. */
  warm(keys: readonly string[]): void {
    for (const key of [CHIME, ...keys]) void this.clip(key);
  }
}

function chineseVoice(): SpeechSynthesisVoice | null {
  if (typeof speechSynthesis === 'undefined') return null;
  return speechSynthesis.getVoices().find((v) => /^zh[-_]CN/i.test(v.lang)) ?? null;
}

function speak(text: string, voice: SpeechSynthesisVoice | null, volume: number): Promise<void> {
  return new Promise((resolve) => {
    const utterance = new SpeechSynthesisUtterance(text);
    if (voice) utterance.voice = voice;
    utterance.lang = voice?.lang ?? 'en-US';
    utterance.volume = volume;
    utterance.onend = () => resolve();
    utterance.onerror = () => resolve();
    speechSynthesis.speak(utterance);
  });
}

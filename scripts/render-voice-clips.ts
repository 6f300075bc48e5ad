/**
 * Build step of apps/display: renders every voice clip the wall display can
 * join (voiceClipCatalog) into apps/display/public/voice/<key>.wav, plus the
 * chime. A hall's own recordings in config/voice/<key>.wav (or
 * $YIZHAN_VOICE_DIR) are copied instead of the generated clip (docs/voice.md).
 * Clips are rendered offline by Debian's espeak-ng: zh words from their pinyin
 * with `-v cmn-latn-pinyin`, English words and the letters of call numbers
 * from their text with an English voice. Leading and trailing silence is cut
 * so joined clips sound like one sentence.
 */
import { execFileSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { voiceClipCatalog } from '../shared/src/hall/announcement';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const OUT = join(ROOT, 'apps/display/public/voice');
const OVERRIDES = process.env['YIZHAN_VOICE_DIR'] ?? join(ROOT, 'config/voice');
const SAMPLE_RATE = 22_050;
/** Changing how clips are rendered re-renders them all on the next build. */
const RENDERING = 'espeak-ng -s 170, trimmed, v1';

function main(): void {
  const manifest = join(OUT, 'manifest.json');
  const previous = existsSync(manifest)
    ? (JSON.parse(readFileSync(manifest, 'utf8')) as { rendering?: string })
    : {};
  const force = process.argv.includes('--force') || previous.rendering !== RENDERING;
  let generated = 0;
  let recorded = 0;
  const clips = [...voiceClipCatalog(), { key: 'chime', lang: 'zh' as const, text: '' }];
  for (const clip of clips) {
    const target = join(OUT, `${clip.key}.wav`);
    mkdirSync(dirname(target), { recursive: true });
    const own = join(OVERRIDES, `${clip.key}.wav`);
    if (existsSync(own)) {
      copyFileSync(own, target);
      recorded++;
      continue;
    }
    if (existsSync(target) && !force) continue;
    if (clip.key === 'chime') writeFileSync(target, wav(chime()));
    else {
      const voice = clip.lang === 'zh' && 'pinyin' in clip && clip.pinyin ? 'cmn-latn-pinyin' : 'en-us';
      const text = voice === 'cmn-latn-pinyin' && 'pinyin' in clip ? (clip.pinyin ?? '') : clip.text;
      const raw = execFileSync('espeak-ng', ['-v', voice, '-s', '170', '--stdout', text], {
        maxBuffer: 1 << 24,
      });
      writeFileSync(target, wav(trim(samplesOf(raw))));
    }
    generated++;
  }
  mkdirSync(OUT, { recursive: true });
  writeFileSync(manifest, JSON.stringify({ rendering: RENDERING, keys: clips.map((c) => c.key) }));
  console.log(
    `voice clips: ${generated} rendered, ${recorded} from ${OVERRIDES}, ${clips.length} in all → ${OUT}`,
  );
}

/** The 16-bit mono PCM samples of a WAV file (espeak-ng writes a plain 44-byte header). */
function samplesOf(file: Buffer): Int16Array {
  const dataAt = file.indexOf('data', 12, 'ascii');
  const start = dataAt + 8;
  const copy = new Uint8Array(file.subarray(start, start + ((file.length - start) & ~1)));
  return new Int16Array(copy.buffer);
}

function trim(samples: Int16Array): Int16Array {
  const loud = (s: number) => Math.abs(s) > 400;
  let start = samples.findIndex(loud);
  if (start < 0) return samples;
  let end = samples.length - 1;
  while (end > start && !loud(samples[end] ?? 0)) end--;
  const pad = Math.round(SAMPLE_RATE * 0.02);
  start = Math.max(0, start - pad);
  end = Math.min(samples.length, end + pad);
  return samples.slice(start, end);
}

/** Two soft bell tones (ding-dong), 0.9 s. */
function chime(): Int16Array {
  const notes = [
    { freq: 880, start: 0, length: 0.45 },
    { freq: 660, start: 0.35, length: 0.55 },
  ];
  const out = new Int16Array(Math.round(SAMPLE_RATE * 0.9));
  for (const note of notes) {
    const from = Math.round(note.start * SAMPLE_RATE);
    const count = Math.round(note.length * SAMPLE_RATE);
    for (let i = 0; i < count && from + i < out.length; i++) {
      const t = i / SAMPLE_RATE;
      const value = Math.sin(2 * Math.PI * note.freq * t) * Math.exp(-4 * t) * 9000;
      out[from + i] = Math.max(-32768, Math.min(32767, (out[from + i] ?? 0) + value));
    }
  }
  return out;
}

function wav(samples: Int16Array): Buffer {
  const header = Buffer.alloc(44);
  const bytes = samples.length * 2;
  header.write('RIFF', 0, 'ascii');
  header.writeUInt32LE(36 + bytes, 4);
  header.write('WAVEfmt ', 8, 'ascii');
  header.writeUInt32LE(16, 16);
  header.writeUInt16LE(1, 20); // PCM
  header.writeUInt16LE(1, 22); // mono
  header.writeUInt32LE(SAMPLE_RATE, 24);
  header.writeUInt32LE(SAMPLE_RATE * 2, 28);
  header.writeUInt16LE(2, 32);
  header.writeUInt16LE(16, 34);
  header.write('data', 36, 'ascii');
  header.writeUInt32LE(bytes, 40);
  return Buffer.concat([header, Buffer.from(samples.buffer, samples.byteOffset, bytes)]);
}

main();

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { announceCall, voiceClipCatalog } from './announcement';

const callNumber = fc
  .tuple(fc.stringMatching(/^[A-Z]{1,2}$/), fc.stringMatching(/^\d{3,4}$/))
  .map(([prefix, digits]) => `${prefix}${digits}`);
const counterNumber = fc.integer({ min: 1, max: 99 });

const catalogByKey = new Map(voiceClipCatalog().map((clip) => [clip.key, clip]));

/** The sentence a set of clips sounds like, to compare with `speech`. */
const spoken = (keys: readonly string[], separator: string): string =>
  keys.map((key) => catalogByKey.get(key)?.text ?? `<missing ${key}>`).join(separator);

describe('announceCall', () => {
  it('announces A023 at counter 3', () => {
    expect(announceCall('A023', 3)).toEqual({
      text: { zh: '请 A023 号到 3 号窗口办理', en: 'Ticket A023, please go to counter 3' },
      speech: {
        zh: '请 A 零二三 号，到 三 号窗口办理',
        en: 'Ticket A, zero two three, please go to counter three',
      },
      clips: {
        zh: [
          'zh/qing',
          'zh/letter-a',
          'zh/digit-0',
          'zh/digit-2',
          'zh/digit-3',
          'zh/hao',
          'zh/dao',
          'zh/digit-3',
          'zh/hao-chuangkou-banli',
        ],
        en: [
          'en/ticket',
          'en/letter-a',
          'en/digit-0',
          'en/digit-2',
          'en/digit-3',
          'en/please-go-to-counter',
          'en/number-3',
        ],
      },
    });
  });

  it('announces counter 12 as 十二 and twelve', () => {
    const call = announceCall('A023', 12);
    expect(call.speech.zh).toBe('请 A 零二三 号，到 十二 号窗口办理');
    expect(call.speech.en).toBe('Ticket A, zero two three, please go to counter twelve');
    expect(call.clips.zh.slice(7)).toEqual(['zh/shi', 'zh/digit-2', 'zh/hao-chuangkou-banli']);
    expect(call.clips.en.at(-1)).toBe('en/number-12');
  });

  it.each([
    [1, '一', 'one', ['zh/digit-1']],
    [10, '十', 'ten', ['zh/shi']],
    [11, '十一', 'eleven', ['zh/shi', 'zh/digit-1']],
    [20, '二十', 'twenty', ['zh/digit-2', 'zh/shi']],
    [22, '二十二', 'twenty-two', ['zh/digit-2', 'zh/shi', 'zh/digit-2']],
    [99, '九十九', 'ninety-nine', ['zh/digit-9', 'zh/shi', 'zh/digit-9']],
  ])('says counter %i as %s / %s', (counter, zh, en, zhClips) => {
    const call = announceCall('B101', counter);
    expect(call.text.zh).toBe(`请 B101 号到 ${counter} 号窗口办理`);
    expect(call.text.en).toBe(`Ticket B101, please go to counter ${counter}`);
    expect(call.speech.zh).toBe(`请 B 一零一 号，到 ${zh} 号窗口办理`);
    expect(call.speech.en).toBe(`Ticket B, one zero one, please go to counter ${en}`);
    expect(call.clips.zh.slice(6)).toEqual(['zh/dao', ...zhClips, 'zh/hao-chuangkou-banli']);
    expect(call.clips.en.at(-1)).toBe(`en/number-${counter}`);
  });

  it('spells two-letter prefixes and 4-digit numbers one by one', () => {
    const call = announceCall('GB1002', 7);
    expect(call.text.zh).toBe('请 GB1002 号到 7 号窗口办理');
    expect(call.text.en).toBe('Ticket GB1002, please go to counter 7');
    expect(call.speech.zh).toBe('请 G B 一零零二 号，到 七 号窗口办理');
    expect(call.speech.en).toBe('Ticket G B, one zero zero two, please go to counter seven');
    expect(call.clips.zh).toEqual([
      'zh/qing',
      'zh/letter-g',
      'zh/letter-b',
      'zh/digit-1',
      'zh/digit-0',
      'zh/digit-0',
      'zh/digit-2',
      'zh/hao',
      'zh/dao',
      'zh/digit-7',
      'zh/hao-chuangkou-banli',
    ]);
    expect(call.clips.en).toEqual([
      'en/ticket',
      'en/letter-g',
      'en/letter-b',
      'en/digit-1',
      'en/digit-0',
      'en/digit-0',
      'en/digit-2',
      'en/please-go-to-counter',
      'en/number-7',
    ]);
  });

  it('throws for malformed input (a bug upstream)', () => {
    for (const bad of ['a023', 'A23', 'ABC023', 'A02345', '023', 'A 023', '']) {
      expect(() => announceCall(bad, 3)).toThrow(RangeError);
    }
    for (const bad of [0, 100, 1.5, -1, Number.NaN]) {
      expect(() => announceCall('A023', bad)).toThrow(RangeError);
    }
  });
});

describe('voiceClipCatalog', () => {
  it('lists each key once, with pinyin for every spoken Chinese word', () => {
    const clips = voiceClipCatalog();
    expect(new Set(clips.map((c) => c.key)).size).toBe(clips.length);
    // 5 words + 10 digits + 26 letters in zh; 2 phrases + 10 digits + 26 letters + 99 numbers in en.
    expect(clips.filter((c) => c.lang === 'zh')).toHaveLength(41);
    expect(clips.filter((c) => c.lang === 'en')).toHaveLength(137);
    for (const clip of clips) {
      expect(clip.key.startsWith(`${clip.lang}/`)).toBe(true);
      expect(clip.text.length).toBeGreaterThan(0);
      if (clip.lang === 'zh' && !clip.key.startsWith('zh/letter-')) {
        expect(clip.pinyin).toMatch(/^[a-z]+[1-5]( [a-z]+[1-5])*$/);
      }
    }
    expect(catalogByKey.get('zh/hao-chuangkou-banli')).toEqual({
      key: 'zh/hao-chuangkou-banli',
      lang: 'zh',
      text: '号窗口办理',
      pinyin: 'hao4 chuang1 kou3 ban4 li3',
    });
    expect(catalogByKey.get('zh/digit-0')?.pinyin).toBe('ling2');
    expect(catalogByKey.get('en/number-45')?.text).toBe('forty-five');
  });

  it('covers every clip announceCall produces, and the clips say the speech text', () => {
    fc.assert(
      fc.property(callNumber, counterNumber, (call, counter) => {
        const announcement = announceCall(call, counter);
        for (const key of [...announcement.clips.zh, ...announcement.clips.en]) {
          expect(catalogByKey.has(key)).toBe(true);
        }
        expect(spoken(announcement.clips.zh, '')).toBe(announcement.speech.zh.replace(/[ ，]/g, ''));
        expect(spoken(announcement.clips.en, ' ')).toBe(announcement.speech.en.replace(/,/g, ''));
      }),
      { numRuns: 1_000 },
    );
  });

  it('has no clip announceCall never uses', () => {
    const used = new Set<string>();
    for (let counter = 1; counter <= 99; counter += 1) {
      for (const clip of [
        ...announceCall('AZ0123', counter).clips.zh,
        ...announceCall('AZ0123', counter).clips.en,
      ]) {
        used.add(clip);
      }
    }
    for (const letter of 'ABCDEFGHIJKLMNOPQRSTUVWXYZ') {
      const call = announceCall(`${letter}456789`.slice(0, 4), 1);
      for (const clip of [...call.clips.zh, ...call.clips.en]) used.add(clip);
      const more = announceCall(`${letter}789`, 1);
      for (const clip of [...more.clips.zh, ...more.clips.en]) used.add(clip);
    }
    expect(voiceClipCatalog().filter((clip) => !used.has(clip.key))).toEqual([]);
  });
});

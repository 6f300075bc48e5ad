/**
 * What the wall display shows and says for a call, in Chinese and English.
 *
 * Speech engines read "A023" and "12" unpredictably (as "A twenty-three",
 * 一十二, …), so `speech` spells the call number digit by digit and the counter
 * number as a cardinal. `clips` is the same sentence as keys of pre-recorded
 * clips, so a display without a speech engine (or offline) can join them.
 */

export interface CallAnnouncement {
  text: { zh: string; en: string };
  speech: { zh: string; en: string };
  clips: { zh: string[]; en: string[] };
}

/** One pre-recorded clip. `pinyin` (tone digits) drives espeak-ng -v cmn-latn-pinyin. */
export interface VoiceClip {
  key: string;
  lang: 'zh' | 'en';
  text: string;
  pinyin?: string;
}

const MAX_COUNTER = 99;
const CALL_NUMBER = /^([A-Z]{1,2})(\d{3,4})$/;
const LETTERS = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ';

const ZH_DIGITS = ['零', '一', '二', '三', '四', '五', '六', '七', '八', '九'] as const;
const ZH_DIGIT_PINYIN = ['ling2', 'yi1', 'er4', 'san1', 'si4', 'wu3', 'liu4', 'qi1', 'ba1', 'jiu3'] as const;
const EN_ONES = [
  'zero',
  'one',
  'two',
  'three',
  'four',
  'five',
  'six',
  'seven',
  'eight',
  'nine',
  'ten',
  'eleven',
  'twelve',
  'thirteen',
  'fourteen',
  'fifteen',
  'sixteen',
  'seventeen',
  'eighteen',
  'nineteen',
] as const;
const EN_TENS = [
  '',
  '',
  'twenty',
  'thirty',
  'forty',
  'fifty',
  'sixty',
  'seventy',
  'eighty',
  'ninety',
] as const;

interface Word {
  key: string;
  text: string;
}

function digitOf(char: string): number {
  return char.charCodeAt(0) - 48;
}

function zhDigit(digit: number): Word {
  return { key: `zh/digit-${digit}`, text: ZH_DIGITS[digit] ?? '' };
}

const ZH_SHI: Word = { key: 'zh/shi', text: '十' };

/** 3 三, 10 十, 12 十二, 20 二十, 22 二十二: how a counter number is said, not read digit by digit. */
function zhCardinal(n: number): Word[] {
  const tens = Math.floor(n / 10);
  const ones = n % 10;
  const words: Word[] = [];
  if (tens > 1) words.push(zhDigit(tens));
  if (tens > 0) words.push(ZH_SHI);
  if (ones > 0 || tens === 0) words.push(zhDigit(ones));
  return words;
}

function enCardinal(n: number): string {
  if (n < 20) return EN_ONES[n] ?? '';
  const tens = EN_TENS[Math.floor(n / 10)] ?? '';
  return n % 10 === 0 ? tens : `${tens}-${EN_ONES[n % 10] ?? ''}`;
}

/**
 * The announcement for calling `callNumber` (1–2 capital letters and 3–4
 * digits, e.g. 'A023', 'GB1002') to counter `counterNumber` (1..99). Anything
 * else is a bug upstream, so it throws RangeError.
 */
export function announceCall(callNumber: string, counterNumber: number): CallAnnouncement {
  const match = CALL_NUMBER.exec(callNumber);
  if (match === null) throw new RangeError(`not a call number: ${JSON.stringify(callNumber)}`);
  if (!Number.isInteger(counterNumber) || counterNumber < 1 || counterNumber > MAX_COUNTER) {
    throw new RangeError(`counter number must be an integer in 1..${MAX_COUNTER}, got ${counterNumber}`);
  }
  const letters = [...(match[1] ?? '')];
  const digits = [...(match[2] ?? '')].map(digitOf);
  const counterZh = zhCardinal(counterNumber);
  const counterEn = enCardinal(counterNumber);

  return {
    text: {
      zh: `请 ${callNumber} 号到 ${counterNumber} 号窗口办理`,
      en: `Ticket ${callNumber}, please go to counter ${counterNumber}`,
    },
    speech: {
      zh: `请 ${letters.join(' ')} ${digits.map((d) => ZH_DIGITS[d]).join('')} 号，到 ${counterZh
        .map((w) => w.text)
        .join('')} 号窗口办理`,
      en: `Ticket ${letters.join(' ')}, ${digits.map((d) => EN_ONES[d]).join(' ')}, please go to counter ${counterEn}`,
    },
    clips: {
      zh: [
        'zh/qing',
        ...letters.map((l) => `zh/letter-${l.toLowerCase()}`),
        ...digits.map((d) => `zh/digit-${d}`),
        'zh/hao',
        'zh/dao',
        ...counterZh.map((w) => w.key),
        'zh/hao-chuangkou-banli',
      ],
      en: [
        'en/ticket',
        ...letters.map((l) => `en/letter-${l.toLowerCase()}`),
        ...digits.map((d) => `en/digit-${d}`),
        'en/please-go-to-counter',
        `en/number-${counterNumber}`,
      ],
    },
  };
}

function buildCatalog(): readonly VoiceClip[] {
  const clips: VoiceClip[] = [
    { key: 'zh/qing', lang: 'zh', text: '请', pinyin: 'qing3' },
    { key: 'zh/hao', lang: 'zh', text: '号', pinyin: 'hao4' },
    { key: 'zh/dao', lang: 'zh', text: '到', pinyin: 'dao4' },
    { key: 'zh/shi', lang: 'zh', text: '十', pinyin: 'shi2' },
    { key: 'zh/hao-chuangkou-banli', lang: 'zh', text: '号窗口办理', pinyin: 'hao4 chuang1 kou3 ban4 li3' },
  ];
  ZH_DIGITS.forEach((text, digit) => {
    clips.push({ key: `zh/digit-${digit}`, lang: 'zh', text, pinyin: ZH_DIGIT_PINYIN[digit] ?? '' });
  });
  // No pinyin for letters: in a Chinese hall "A023" is read with the English
  // letter name, so these clips are voiced from `text` by an English voice.
  for (const letter of LETTERS) {
    clips.push({ key: `zh/letter-${letter.toLowerCase()}`, lang: 'zh', text: letter });
  }

  clips.push(
    { key: 'en/ticket', lang: 'en', text: 'Ticket' },
    { key: 'en/please-go-to-counter', lang: 'en', text: 'please go to counter' },
  );
  for (let digit = 0; digit <= 9; digit += 1) {
    clips.push({ key: `en/digit-${digit}`, lang: 'en', text: EN_ONES[digit] ?? '' });
  }
  for (const letter of LETTERS) {
    clips.push({ key: `en/letter-${letter.toLowerCase()}`, lang: 'en', text: letter });
  }
  for (let n = 1; n <= MAX_COUNTER; n += 1) {
    clips.push({ key: `en/number-${n}`, lang: 'en', text: enCardinal(n) });
  }
  return Object.freeze(clips.map((clip) => Object.freeze(clip)));
}

let catalog: readonly VoiceClip[] | undefined;

/** Every clip `announceCall` can produce, once each: the list to record or synthesise. */
export function voiceClipCatalog(): readonly VoiceClip[] {
  catalog ??= buildCatalog();
  return catalog;
}

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays } from '../time/zoned-time';
import {
  VERIFICATION_CODE_LENGTH,
  dammCheckDigit,
  formatServiceNumber,
  isVerificationCode,
  makeServiceNumber,
  parseServiceNumber,
  verificationCodeFromRandom,
} from './service-number';

const hallCode = fc.stringMatching(/^\d{6}$/);
const date = fc.integer({ min: 0, max: 36_524 }).map((d) => addDays('2000-01-01', d)); // 2000-01-01 .. 2099-12-31
const sequence = fc.integer({ min: 1, max: 99_999 });
const serviceNumber = fc.tuple(hallCode, date, sequence).map(([h, d, s]) => makeServiceNumber(h, d, s));

describe('dammCheckDigit', () => {
  it('matches the published examples', () => {
    expect(dammCheckDigit('572')).toBe(4);
    expect(dammCheckDigit('5724')).toBe(0);
    expect(dammCheckDigit('')).toBe(0);
  });

  it('rejects non-digits', () => {
    expect(() => dammCheckDigit('12a')).toThrow(RangeError);
    expect(() => dammCheckDigit('1 2')).toThrow(RangeError);
  });
});

describe('makeServiceNumber', () => {
  it('is hall code + YYMMDD + 5-digit sequence + check digit', () => {
    const n = makeServiceNumber('370100', '2026-11-27', 23);
    expect(n).toHaveLength(18);
    expect(n.slice(0, 17)).toBe('37010026112700023');
    expect(Number(n[17])).toBe(dammCheckDigit('37010026112700023'));
    expect(dammCheckDigit(n)).toBe(0);
  });

  it('covers the first and last days of the century', () => {
    expect(makeServiceNumber('000001', '2000-01-01', 1).slice(6, 17)).toBe('00010100001');
    expect(makeServiceNumber('999999', '2099-12-31', 99_999).slice(6, 17)).toBe('99123199999');
  });

  it('throws for a bug', () => {
    expect(() => makeServiceNumber('37010', '2026-11-27', 1)).toThrow(RangeError);
    expect(() => makeServiceNumber('37010a', '2026-11-27', 1)).toThrow(RangeError);
    expect(() => makeServiceNumber('370100', '2026-11-27', 0)).toThrow(RangeError);
    expect(() => makeServiceNumber('370100', '2026-11-27', 100_000)).toThrow(RangeError);
    expect(() => makeServiceNumber('370100', '2026-11-27', 1.5)).toThrow(RangeError);
    expect(() => makeServiceNumber('370100', '2100-01-01', 1)).toThrow(RangeError);
    expect(() => makeServiceNumber('370100', '1999-12-31', 1)).toThrow(RangeError);
    expect(() => makeServiceNumber('370100', '2026-02-30', 1)).toThrow(RangeError);
  });
});

describe('parseServiceNumber', () => {
  it('round-trips', () => {
    fc.assert(
      fc.property(hallCode, date, sequence, (h, d, s) => {
        const n = makeServiceNumber(h, d, s);
        expect(parseServiceNumber(n)).toEqual({
          ok: true,
          serviceNumber: n,
          hallCode: h,
          date: d,
          sequence: s,
        });
        expect(parseServiceNumber(formatServiceNumber(n))).toEqual(parseServiceNumber(n));
      }),
    );
  });

  it('reads 2000 and 2099 dates back', () => {
    expect(parseServiceNumber(makeServiceNumber('370100', '2000-02-29', 7))).toMatchObject({
      ok: true,
      date: '2000-02-29',
      sequence: 7,
    });
    expect(parseServiceNumber(makeServiceNumber('370100', '2099-12-31', 99_999))).toMatchObject({
      ok: true,
      date: '2099-12-31',
      sequence: 99_999,
    });
  });

  it('tolerates spaces, dashes and full-width digits', () => {
    const n = makeServiceNumber('370100', '2026-11-27', 23);
    const grouped = `${n.slice(0, 6)}-${n.slice(6, 12)} ${n.slice(12, 17)}\u3000${n.slice(17)}`;
    expect(parseServiceNumber(` ${grouped} `)).toMatchObject({ ok: true, serviceNumber: n });
    const fullWidth = n.replace(/\d/g, (d) => String.fromCharCode(0xff10 + Number(d)));
    expect(parseServiceNumber(fullWidth)).toMatchObject({ ok: true, serviceNumber: n });
  });

  it('rejects every single-digit substitution as a check-digit failure', () => {
    fc.assert(
      fc.property(serviceNumber, fc.nat(17), fc.integer({ min: 1, max: 9 }), (n, position, shift) => {
        const wrong = String((Number(n[position]) + shift) % 10);
        const typo = `${n.slice(0, position)}${wrong}${n.slice(position + 1)}`;
        expect(parseServiceNumber(typo)).toEqual({ ok: false, error: 'service-number-check-digit' });
      }),
      { numRuns: 2_000 },
    );
  });

  it('rejects every swap of two differing neighbours as a check-digit failure', () => {
    fc.assert(
      fc.property(serviceNumber, fc.nat(16), (n, position) => {
        const a = n[position];
        const b = n[position + 1];
        fc.pre(a !== b);
        const swapped = `${n.slice(0, position)}${b}${a}${n.slice(position + 2)}`;
        expect(parseServiceNumber(swapped)).toEqual({ ok: false, error: 'service-number-check-digit' });
      }),
      { numRuns: 2_000 },
    );
  });

  it('exhaustively catches every substitution and transposition of one number', () => {
    const n = makeServiceNumber('370100', '2026-11-27', 23);
    const checkDigitError = { ok: false, error: 'service-number-check-digit' };
    for (let i = 0; i < 18; i += 1) {
      for (let d = 0; d <= 9; d += 1) {
        if (String(d) === n[i]) continue;
        expect(parseServiceNumber(`${n.slice(0, i)}${d}${n.slice(i + 1)}`)).toEqual(checkDigitError);
      }
    }
    for (let i = 0; i < 17; i += 1) {
      if (n[i] === n[i + 1]) continue;
      expect(parseServiceNumber(`${n.slice(0, i)}${n[i + 1]}${n[i]}${n.slice(i + 2)}`)).toEqual(
        checkDigitError,
      );
    }
  });

  it('calls the wrong length or non-digits a format error', () => {
    const n = makeServiceNumber('370100', '2026-11-27', 23);
    expect(parseServiceNumber(n.slice(0, 17))).toEqual({ ok: false, error: 'service-number-format' });
    expect(parseServiceNumber(`${n}0`)).toEqual({ ok: false, error: 'service-number-format' });
    expect(parseServiceNumber(`A${n.slice(1)}`)).toEqual({ ok: false, error: 'service-number-format' });
    expect(parseServiceNumber('')).toEqual({ ok: false, error: 'service-number-format' });
  });

  it('calls a well-checked number with an impossible date or sequence 0 a format error', () => {
    const badMonth = '37010026132700023';
    expect(parseServiceNumber(`${badMonth}${dammCheckDigit(badMonth)}`)).toEqual({
      ok: false,
      error: 'service-number-format',
    });
    const zeroSequence = '37010026112700000';
    expect(parseServiceNumber(`${zeroSequence}${dammCheckDigit(zeroSequence)}`)).toEqual({
      ok: false,
      error: 'service-number-format',
    });
  });
});

describe('formatServiceNumber', () => {
  it('groups hall, date, sequence and check digit', () => {
    const n = makeServiceNumber('370100', '2026-11-27', 23);
    expect(formatServiceNumber(n)).toBe(`370100 261127 00023 ${n[17]}`);
    expect(formatServiceNumber(formatServiceNumber(n))).toBe(formatServiceNumber(n));
    expect(() => formatServiceNumber('12345')).toThrow(RangeError);
  });
});

describe('verification code', () => {
  it('is exactly six ASCII digits', () => {
    expect(VERIFICATION_CODE_LENGTH).toBe(6);
    expect(isVerificationCode('012345')).toBe(true);
    expect(isVerificationCode('12345')).toBe(false);
    expect(isVerificationCode('1234567')).toBe(false);
    expect(isVerificationCode('12345a')).toBe(false);
    expect(isVerificationCode('１２３４５６')).toBe(false);
  });

  it('takes the last decimal digit of each accepted number', () => {
    expect(verificationCodeFromRandom([10, 21, 32, 43, 54, 65])).toBe('012345');
    expect(verificationCodeFromRandom([4_294_967_289, 0, 0, 0, 0, 0])).toBe('900000');
  });

  it('skips values at or above the largest multiple of 10 and consumes more', () => {
    // 2^32 - 6 = 4294967290 is the first biased value.
    expect(verificationCodeFromRandom([4_294_967_290, 4_294_967_295, 1, 2, 3, 4, 5, 6])).toBe('123456');
    expect(() => verificationCodeFromRandom([4_294_967_290, 1, 2, 3, 4, 5])).toThrow(RangeError);
    expect(() => verificationCodeFromRandom([])).toThrow(RangeError);
  });

  it('rejects values that are not uint32', () => {
    expect(() => verificationCodeFromRandom([-1, 1, 2, 3, 4, 5, 6])).toThrow(RangeError);
    expect(() => verificationCodeFromRandom([2 ** 32, 1, 2, 3, 4, 5, 6])).toThrow(RangeError);
    expect(() => verificationCodeFromRandom([0.5, 1, 2, 3, 4, 5, 6])).toThrow(RangeError);
  });

  it('always yields a valid code from enough uint32s', () => {
    fc.assert(
      fc.property(fc.array(fc.nat({ max: 4_294_967_289 }), { minLength: 6, maxLength: 12 }), (values) => {
        const code = verificationCodeFromRandom(values);
        expect(isVerificationCode(code)).toBe(true);
        expect(code).toBe(
          values
            .slice(0, 6)
            .map((v) => v % 10)
            .join(''),
        );
      }),
    );
  });
});

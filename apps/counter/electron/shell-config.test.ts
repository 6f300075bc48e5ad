import { describe, expect, it } from 'vitest';
import { parseShellConfig } from './shell-config';

describe('the counter PC config file', () => {
  it('reads the server, counter and key maps (usage codes in hex or decimal)', () => {
    const result = parseShellConfig(
      JSON.stringify({
        serverUrl: 'http://hall.local:8080',
        counter: 7,
        keypad: { vendorId: 0x1a2c, productId: 0x0e24, keys: { '0x1e': 'call-next', '31': 'recall' } },
        ratingPad: { vendorId: 0x1a2c, productId: 0x0e25, reportId: true, keys: { '0x59': 4, '0x5a': 1 } },
      }),
    );
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.config.counter).toBe(7);
    expect(result.config.pollMs).toBe(2000);
    expect([...(result.config.keypad?.keys ?? [])].sort((a, b) => a[0] - b[0])).toEqual([
      [0x1e, 'call-next'],
      [31, 'recall'],
    ]);
    expect(result.config.ratingPad?.reportId).toBe(true);
    expect(result.config.ratingPad?.keys.get(0x59)).toBe(4);
  });

  it('says what is wrong, with where', () => {
    const result = parseShellConfig(
      JSON.stringify({
        serverUrl: 'ftp://x',
        keypad: { vendorId: 1, productId: 2, keys: { zz: 'call-next', '0x1f': 'dance' } },
      }),
    );
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problems.join('\n')).toMatch(/serverUrl/);
    expect(result.problems.join('\n')).toMatch(/keypad\.keys/);
    expect(parseShellConfig('{').ok).toBe(false);
  });
});

import { join } from 'node:path';
import { tmpdir } from 'node:os';
import { describe, expect, it } from 'vitest';
import { parseShellConfig } from '../../display/electron/shell-config';
import { loadShellConfig } from './load-shell-config';

class Refused extends Error {}
const refuse = (message: string): never => {
  throw new Refused(message);
};

describe('loadShellConfig', () => {
  it('returns the parsed config of a good file', () => {
    const config = loadShellConfig({
      label: 'display',
      path: '/etc/yizhan/display.json',
      parse: parseShellConfig,
      refuse,
      read: () => JSON.stringify({ serverUrl: 'http://hall:8080', deviceKey: 'yzk_0123456789abcdef' }),
    });
    expect(config).toMatchObject({ serverUrl: 'http://hall:8080', screen: 'wall' });
  });

  it('names the file and every problem of an invalid one', () => {
    expect(() =>
      loadShellConfig({
        label: 'display',
        path: '/etc/yizhan/display.json',
        parse: parseShellConfig,
        refuse,
        read: () => JSON.stringify({ serverUrl: 'ftp://x', deviceKey: 'short' }),
      }),
    ).toThrow(/^display config \/etc\/yizhan\/display\.json:\nserverUrl: .*\ndeviceKey: /);
  });

  it('turns a missing file into the same kind of message, not a crash', () => {
    const missing = join(tmpdir(), 'yizhan-no-such-dir', 'display.json');
    expect(() =>
      loadShellConfig({ label: 'display', path: missing, parse: parseShellConfig, refuse }),
    ).toThrow(
      new RegExp(
        `^display config ${missing.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')}:\\ncannot read the file: ENOENT`,
      ),
    );
  });
});

/** The last call this display began to announce, kept per tab so a reload never says it again. */
export interface LastAnnounced {
  seq: number;
  at: number;
}

const KEY = 'yizhan.display.lastAnnounced';

export function readLastAnnounced(storage: Pick<Storage, 'getItem'>): LastAnnounced | null {
  try {
    const value = JSON.parse(storage.getItem(KEY) ?? 'null') as unknown;
    if (
      typeof value === 'object' &&
      value !== null &&
      typeof (value as LastAnnounced).seq === 'number' &&
      typeof (value as LastAnnounced).at === 'number'
    ) {
      return value as LastAnnounced;
    }
  } catch {
    // A damaged entry is as good as none.
  }
  return null;
}

export function writeLastAnnounced(storage: Pick<Storage, 'setItem'>, value: LastAnnounced): void {
  try {
    storage.setItem(KEY, JSON.stringify(value));
  } catch {
    // Storage full or disabled: at worst a reload repeats the current call.
  }
}

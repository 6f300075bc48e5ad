import { useCounterStore } from './store';

/**
 * A supervisor's acknowledged overdue alerts live in this browser's
 * localStorage, per supervisor: acknowledging is a personal "I have seen it",
 * not a fact of the hall, so it is not sent to the server.
 */
const keyOf = (userId: string) => `yizhan.counter.acks.${userId}`;

export function loadAcknowledged(userId: string): Set<string> {
  try {
    const raw = localStorage.getItem(keyOf(userId));
    const list: unknown = raw ? JSON.parse(raw) : [];
    return new Set(Array.isArray(list) ? list.filter((k): k is string => typeof k === 'string') : []);
  } catch {
    return new Set(); // unreadable storage: start with nothing acknowledged
  }
}

export function saveAcknowledged(): void {
  const { user, acknowledged } = useCounterStore.getState();
  if (!user) return;
  // Keep the newest few hundred; old alerts are long resolved.
  localStorage.setItem(keyOf(user.id), JSON.stringify([...acknowledged].slice(-500)));
}

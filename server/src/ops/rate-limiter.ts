/**
 * Token buckets per key (client address, connection): `burst` requests at
 * once, refilled at `perMinute`. Used for public case tracking (so service
 * numbers cannot be enumerated) and as a flood guard on every connection.
 */
export class RateLimiter {
  private readonly buckets = new Map<string, { tokens: number; at: number }>();

  constructor(private readonly options: { perMinute: number; burst: number; now: () => number }) {}

  /** Takes one token; when none is left, says how long until the next one. */
  take(key: string): { ok: true } | { ok: false; retryAfterMs: number } {
    const now = this.options.now();
    const rate = this.options.perMinute / 60_000;
    const bucket = this.buckets.get(key) ?? { tokens: this.options.burst, at: now };
    bucket.tokens = Math.min(this.options.burst, bucket.tokens + Math.max(0, now - bucket.at) * rate);
    bucket.at = now;
    if (this.buckets.size > 50_000) this.buckets.clear(); // bounded memory under a flood of new keys
    if (bucket.tokens >= 1) {
      bucket.tokens -= 1;
      this.buckets.set(key, bucket);
      return { ok: true };
    }
    this.buckets.set(key, bucket);
    return { ok: false, retryAfterMs: Math.ceil((1 - bucket.tokens) / rate) };
  }
}

/**
 * Values computed from a short text (an Authorization or Accept value, a 429's wait): the same few
 * values arrive on every request, so each is worked out once. Bounded — past `limit` entries it
 * starts over — and keys longer than `maxKeyLength` are computed without being kept, so hostile
 * headers cannot grow it.
 */
export class TextMemo<T> {
  private readonly values = new Map<string, T>();

  constructor(
    private readonly limit = 256,
    private readonly maxKeyLength = 1024,
  ) {}

  get(key: string, compute: () => T): T {
    if (key.length > this.maxKeyLength) return compute();
    if (this.values.has(key)) return this.values.get(key) as T;
    const value = compute();
    if (this.values.size >= this.limit) this.values.clear();
    this.values.set(key, value);
    return value;
  }

  /** Forgets every value (what they were computed from has changed, e.g. a restored signing key). */
  clear(): void {
    this.values.clear();
  }
}

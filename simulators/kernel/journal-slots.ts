import { requestBodyText, type StoredEntry } from './journal.js';

/** seq, atMs, status, durationMs, requestBytes, responseCaptured, responseBytes. */
const NUMBERS = 7;
/** Bytes of text one entry keeps off the heap; an entry with more keeps it as one string. */
const SLOT_BYTES = 2048;
/** Slots per Buffer, allocated when the ring first reaches them. */
const BLOCK_SLOTS = 64;
/** Between the text fields: no URL, token or header line may hold a control character. */
const SEP = '\u0001';
const USED = 1;
const HAS_TOKEN = 2;
/** The parsed request body was kept as its text, in the slot (`requestBodyText`). */
const BODY_TEXT = 4;

type Chunks = StoredEntry['responseChunks'];
/** A body kept outside its slot: its only chunk itself, or the list. */
type KeptChunks = string | Buffer | (string | Buffer)[] | undefined;

/**
 * The journal's ring of entries, kept off the JavaScript heap where they fit: the numbers in one
 * Float64Array, the text each request brings (path, query, token, both header lists, a small
 * response body) as UTF-8 in fixed slots of Buffers. An entry outlives several young-generation
 * collections under load, so every object it holds is copied at each of them and then promoted
 * to the old generation, where it dies later at a full collection's cost; bytes in a Buffer are
 * never copied by the collector. What many requests share (method, tenant, fault id) and a
 * parsed request body are kept as references; text that does not fit a slot is kept as one
 * string, and a body that does not fit beside it as bytes of its own (off the heap too).
 */
export class JournalSlots {
  private readonly numbers: Float64Array;
  private readonly blocks: (Buffer | undefined)[];
  /** Bytes of each slot's text (body included); -1 when the text is in `overflow`. */
  private readonly lengths: Int32Array;
  /** Where the body starts in the slot's bytes; -1 when it is in `chunks`. */
  private readonly bodyAt: Int32Array;
  private readonly flags: Uint8Array;
  private readonly methods: (string | undefined)[];
  private readonly tenants: (string | undefined)[];
  private readonly faults: (string | undefined)[];
  private readonly requestBodies: unknown[];
  private readonly overflow: (string | undefined)[];
  private readonly chunks: KeptChunks[];
  /** The last string body moved off the heap and its bytes: a body rendered once and sent again and again is copied once. */
  private lastText: string | undefined;
  private lastBytes: Buffer | undefined;

  constructor(readonly capacity: number) {
    this.numbers = new Float64Array(capacity * NUMBERS);
    this.blocks = new Array(Math.ceil(capacity / BLOCK_SLOTS)).fill(undefined);
    this.lengths = new Int32Array(capacity);
    this.bodyAt = new Int32Array(capacity);
    this.flags = new Uint8Array(capacity);
    this.methods = new Array(capacity).fill(undefined);
    this.tenants = new Array(capacity).fill(undefined);
    this.faults = new Array(capacity).fill(undefined);
    this.requestBodies = new Array(capacity).fill(undefined);
    this.overflow = new Array(capacity).fill(undefined);
    this.chunks = new Array(capacity).fill(undefined);
  }

  write(i: number, e: StoredEntry): void {
    const n = i * NUMBERS;
    const nums = this.numbers;
    nums[n] = e.seq;
    nums[n + 1] = e.atMs;
    nums[n + 2] = e.status;
    nums[n + 3] = e.durationMs;
    nums[n + 4] = e.requestBytes;
    nums[n + 5] = e.responseCaptured;
    nums[n + 6] = e.responseBytes;
    this.methods[i] = e.method;
    this.tenants[i] = e.tenant;
    this.faults[i] = e.fault;
    // A parsed body (a JSON or form object) is kept as the text the journal shows for it: an
    // object graph would outlive young collections like the rest of an entry.
    const parsed =
      e.requestBody !== null && typeof e.requestBody === 'object' && !Buffer.isBuffer(e.requestBody);
    const bodyText = parsed ? (requestBodyText(e) ?? '') : '';
    this.flags[i] = USED | (e.token === undefined ? 0 : HAS_TOKEN) | (parsed ? BODY_TEXT : 0);
    this.requestBodies[i] = parsed ? undefined : e.requestBody;
    const head =
      e.path +
      SEP +
      e.query +
      SEP +
      (e.token ?? '') +
      SEP +
      e.requestHeaders +
      SEP +
      e.responseHeaders +
      SEP +
      bodyText;
    const block = this.block(i);
    const start = (i % BLOCK_SLOTS) * SLOT_BYTES;
    const headEnd = writeText(block, head, start, start + SLOT_BYTES);
    if (headEnd === undefined) {
      this.lengths[i] = -1;
      this.bodyAt[i] = -1;
      this.overflow[i] = head;
      this.chunks[i] = this.offHeap(e.responseChunks);
      return;
    }
    this.overflow[i] = undefined;
    const end = writeBody(block, headEnd, start + SLOT_BYTES, e.responseChunks);
    if (end === undefined) {
      this.lengths[i] = headEnd - start;
      this.bodyAt[i] = -1;
      this.chunks[i] = this.offHeap(e.responseChunks);
    } else {
      this.lengths[i] = end - start;
      this.bodyAt[i] = headEnd - start;
      this.chunks[i] = undefined;
    }
  }

  used(i: number): boolean {
    return ((this.flags[i] as number) & USED) !== 0;
  }

  read(i: number): StoredEntry | undefined {
    const flags = this.flags[i] as number;
    if ((flags & USED) === 0) return undefined;
    const n = i * NUMBERS;
    const nums = this.numbers;
    const length = this.lengths[i] as number;
    const bodyAt = this.bodyAt[i] as number;
    const block = this.blocks[Math.floor(i / BLOCK_SLOTS)] as Buffer;
    const start = (i % BLOCK_SLOTS) * SLOT_BYTES;
    const head =
      length < 0
        ? (this.overflow[i] as string)
        : block.toString('utf8', start, start + (bodyAt < 0 ? length : bodyAt));
    const [path = '', query = '', token = '', requestHeaders = '', responseHeaders = '', bodyText = ''] =
      head.split(SEP);
    let responseChunks: Chunks;
    if (bodyAt < 0) {
      const kept = this.chunks[i];
      responseChunks = kept === undefined || Array.isArray(kept) ? kept : [kept];
    } else if (length > bodyAt)
      responseChunks = [Buffer.from(block.subarray(start + bodyAt, start + length))];
    return {
      seq: nums[n] as number,
      atMs: nums[n + 1] as number,
      method: this.methods[i] as string,
      path,
      query,
      status: nums[n + 2] as number,
      durationMs: nums[n + 3] as number,
      tenant: this.tenants[i],
      token: flags & HAS_TOKEN ? token : undefined,
      fault: this.faults[i],
      requestBytes: nums[n + 4] as number,
      requestHeaders,
      // An empty text is what requestBodyText gave nothing for (an empty form or JSON object).
      requestBody: flags & BODY_TEXT ? bodyText || undefined : this.requestBodies[i],
      responseHeaders,
      responseChunks,
      responseCaptured: nums[n + 5] as number,
      responseBytes: nums[n + 6] as number,
    };
  }

  /** Empties every slot (the Buffers stay: the ring fills them again). */
  clear(): void {
    this.flags.fill(0);
    this.methods.fill(undefined);
    this.tenants.fill(undefined);
    this.faults.fill(undefined);
    this.requestBodies.fill(undefined);
    this.overflow.fill(undefined);
    this.chunks.fill(undefined);
    this.lastText = undefined;
    this.lastBytes = undefined;
  }

  /**
   * A body too big for its slot, as bytes outside the heap: a kept string would be copied by
   * every young-generation collection it lives through and then promoted (a flood of distinct
   * multi-kB answers made tens of MB of old-generation garbage a second). Buffer chunks are
   * the journal's own copies already; a one-chunk body is kept as the chunk itself.
   */
  private offHeap(chunks: Chunks): KeptChunks {
    if (chunks === undefined) return undefined;
    const bytes = chunks.map((c) => (typeof c === 'string' ? this.bytesOf(c) : c));
    return bytes.length === 1 ? bytes[0] : bytes;
  }

  private bytesOf(text: string): Buffer {
    if (text === this.lastText && this.lastBytes !== undefined) return this.lastBytes;
    const length = Buffer.byteLength(text);
    const bytes = Buffer.allocUnsafeSlow(length);
    bytes.write(text, 0, length, 'utf8');
    this.lastText = text;
    this.lastBytes = bytes;
    return bytes;
  }

  private block(i: number): Buffer {
    const b = Math.floor(i / BLOCK_SLOTS);
    let block = this.blocks[b];
    if (block === undefined) {
      // Outside Buffer's shared pool (its own memory, like the journal), not zeroed: every byte
      // read back was written first.
      block = Buffer.allocUnsafeSlow(Math.min(BLOCK_SLOTS, this.capacity - b * BLOCK_SLOTS) * SLOT_BYTES);
      this.blocks[b] = block;
    }
    return block;
  }
}

/**
 * Writes `text` as UTF-8 from `at`; the offset after it, or undefined when it does not all fit
 * before `limit`. Buffer.write stops before a character that does not fit, so a write that ends
 * fewer than 4 bytes short of the limit may have stopped early.
 */
function writeText(block: Buffer, text: string, at: number, limit: number): number | undefined {
  if (text.length > limit - at) return undefined;
  const n = block.write(text, at, limit - at, 'utf8');
  if (n > limit - at - 4 && Buffer.byteLength(text) !== n) return undefined;
  return at + n;
}

/** The chunks' bytes from `at`; the offset after them, or undefined when they do not all fit before `limit`. */
function writeBody(block: Buffer, at: number, limit: number, chunks: Chunks): number | undefined {
  if (chunks === undefined) return at;
  let end: number | undefined = at;
  for (const chunk of chunks) {
    if (typeof chunk === 'string') {
      end = writeText(block, chunk, end, limit);
      if (end === undefined) return undefined;
    } else {
      if (chunk.byteLength > limit - end) return undefined;
      block.set(chunk, end);
      end += chunk.byteLength;
    }
  }
  return end;
}

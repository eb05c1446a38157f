import type { Rng } from '../../kernel/index.js';
import { type CdrContext, conferenceFacts, fastUuid, hex8 } from './context.js';
import type { ColumnSpec } from './csv.js';
import { CALLS_PER_BLOCK, type CallTiming } from './grid.js';
import type { EndpointModel, ItpSystem, Person } from './pools.js';

/** A pick list where each value appears `weight` times, in the given order (seeded picks index it). */
function weighted(...entries: [string, number][]): readonly string[] {
  return entries.flatMap(([value, weight]) => Array<string>(weight).fill(value));
}

// Point-to-point calls dominate; the VSC forwarding kinds are rare.
const PT_PT_TYPES = weighted(
  ['PT-PT', 16],
  ['VSC-hunt group', 1],
  ['VSC-uncond fwd', 1],
  ['VSC-fwd busy', 1],
  ['VSC-fwd no answer', 1],
);
const VMR_TYPES = weighted(['VMR', 7], ['VEQ', 1], ['VMR-subscribe only', 1]);
const FAILURES = [
  { sip: '486:BUSY HERE', cause: '17' },
  { sip: '404:NOT FOUND', cause: '1' },
  { sip: '408:REQUEST TIMEOUT', cause: '18' },
  { sip: '603:DECLINE', cause: '21' },
] as const;
const BIT_RATES = ['384', '512', '768', '1024', '1920', '2048', '4096'] as const;
const MIN_RESOLUTIONS = ['360', '480', '720'] as const;
const MAX_RESOLUTIONS = ['720', '1080'] as const;
const MCU = { model: 'RealPresence Collaboration Server 2000', version: '8.9.1.130' };
const AVMCU = { model: 'Microsoft Lync Server 2013 AVMCU', version: '5.0.8308.0' };
/** Share of calls placed from an immersive (ITP) room rather than a single-codec endpoint. */
const ITP_SHARE = 0.04;

/**
 * One call as the DMA records it, by column name: every column any layout (contracts/csv)
 * names. A layout picks its columns from here in its own order.
 */
export type CallRecord = Record<string, string>;

interface Who {
  displayName: string;
  passThrough: string;
  endpoint: string;
  model: string;
  version: string;
  sip: boolean;
}

function personEndpoint(person: Person, model: EndpointModel, domain: string): string {
  return model.signaling === 'SIP' ? `sip:${person.login}@${domain}` : person.alias;
}

/** SIP Call-IDs look like `<hex>@<host>`; H.323 call identifiers are 16-byte GUIDs in hex. */
function callId(rng: Rng, sip: boolean): string {
  return sip
    ? `${hex8(rng)}-${hex8(rng)}@10.${rng.int(0, 255)}.${rng.int(0, 255)}.${rng.int(1, 254)}`
    : `${hex8(rng)}${hex8(rng)}${hex8(rng)}${hex8(rng)}`;
}

/** The call of slot `t.g` (its timing already drawn): a pure function of the seed and the slot. */
export function callRecord(ctx: CdrContext, t: CallTiming): { record: CallRecord; itp?: ItpSystem } {
  const { pools } = ctx;
  const time = ctx.formatTime;
  const rng = t.rng;
  const { start, end } = t;
  const itp = rng.next() < ITP_SHARE ? rng.pick(pools.itpSystems) : undefined;
  let orig: Who;
  if (itp) {
    orig = {
      displayName: itp.displayName,
      passThrough: itp.passThrough,
      endpoint: `sip:${itp.base}_1@${pools.domain}`,
      model: itp.model,
      version: itp.version,
      sip: true,
    };
  } else {
    const person = rng.pick(pools.people);
    const model = rng.pick(pools.models);
    orig = {
      displayName: person.displayName,
      passThrough: person.passThrough,
      endpoint: personEndpoint(person, model, pools.domain),
      model: model.model,
      version: rng.pick(model.versions),
      sip: model.signaling === 'SIP',
    };
  }
  const bitRate = rng.pick(BIT_RATES);
  const minRes = rng.pick(MIN_RESOLUTIONS);
  const maxRes = minRes === '720' ? '1080' : rng.pick(MAX_RESOLUTIONS);
  const callUuid = fastUuid(rng);
  const origCallId = callId(rng, orig.sip);
  const destCallId = `${hex8(rng)}${hex8(rng)}@${pools.domain}`;

  let callType: string;
  let dialin = 'TRUE';
  let destEndpoint: string;
  let destDisplayName = '';
  let dialString: string;
  let lastForward = '';
  let cluster: string;
  let veqCluster = '';
  let confUuid = '';
  let vmr = '';
  let cause = '16';
  let failure = '';
  let userDataB: string;
  let userDataC = '';
  let userRole = '';
  let destModel = '';
  let destVersion = '';
  let chairPasscode = '';
  let requiresChair = 'FALSE';
  let termAfterChair = 'FALSE';
  let chairJoin = '';

  if (t.inConference) {
    const conf = conferenceFacts(ctx, Math.floor(t.g / CALLS_PER_BLOCK));
    const room = conf.room;
    const lync = room.confType === 'LYNC';
    callType = lync ? 'VMR-Lync AVMCU' : rng.pick(VMR_TYPES);
    dialin = rng.next() < 0.85 ? 'TRUE' : 'FALSE';
    const roomId = lync ? conf.lyncId : room.roomId;
    destEndpoint = lync
      ? `sip:${room.owner.login}@${pools.domain};gruu;opaque=app:conf:focus:id:${roomId}`
      : `${roomId}@${pools.domain}`;
    dialString = orig.sip ? `sip:${roomId}@${pools.domain}` : roomId;
    cluster = conf.cluster;
    if (callType === 'VEQ') veqCluster = conf.cluster;
    confUuid = conf.uuid;
    vmr = roomId;
    userDataB = room.passThrough;
    if (dialin === 'FALSE') userDataC = `dial-out ${hex8(rng).slice(0, 6)}`;
    // The conference's view of this call (a required chairperson makes the first call one).
    const chair = conf.calls.find((c) => c.g === t.g)?.chair ?? t.chair;
    userRole = chair ? 'chairperson' : 'participant';
    destModel = lync ? AVMCU.model : MCU.model;
    destVersion = lync ? AVMCU.version : MCU.version;
    chairPasscode = room.chairPasscode;
    requiresChair = room.requiresChair ? 'TRUE' : 'FALSE';
    termAfterChair = room.termAfterChairDrops ? 'TRUE' : 'FALSE';
    // The CDR is written when this call ends: a chairperson who joined later is not in it yet.
    if (conf.firstChairJoin !== undefined && conf.firstChairJoin <= end)
      chairJoin = time(conf.firstChairJoin);
  } else {
    callType = rng.pick(PT_PT_TYPES);
    const dest = rng.pick(pools.people);
    const model = rng.pick(pools.models);
    destModel = model.model;
    destVersion = rng.pick(model.versions);
    destEndpoint = personEndpoint(dest, model, pools.domain);
    destDisplayName = dest.displayName;
    dialString = model.signaling === 'SIP' ? `sip:${dest.login}@${pools.domain}` : dest.alias;
    cluster = rng.pick(ctx.clusters);
    userDataB = dest.passThrough;
    if (callType.startsWith('VSC-') && callType !== 'VSC-hunt group') {
      lastForward = personEndpoint(rng.pick(pools.people), model, pools.domain);
    }
    if (t.failed) {
      const f = rng.pick(FAILURES);
      failure = f.sip;
      cause = f.cause;
    }
  }
  const signalingId =
    orig.sip && dialin === 'TRUE' ? `"${orig.displayName}" <${orig.endpoint}>;tag=${hex8(rng)}` : '';

  const record: CallRecord = {
    version: ctx.version,
    type: 'CALL',
    callType,
    callUuid,
    dialin,
    startTime: time(start),
    endTime: time(end),
    origEndpoint: orig.endpoint,
    origDisplayName: orig.displayName,
    destEndpoint,
    destDisplayName,
    dialString,
    lastForwardEndpoint: lastForward,
    cluster,
    confUUID: confUuid,
    vmr,
    bitRate,
    durationSeconds: String(Math.floor((end - start) / 1000)),
    causeCode: cause,
    VEQCluster: veqCluster,
    userDataA: orig.passThrough,
    userDataB,
    userDataC,
    userDataD: '',
    userDataE: '',
    userRole,
    failureSignalingCode: failure,
    origModel: orig.model,
    origVersion: orig.version,
    destModel,
    destVersion,
    displays: itp ? String(itp.codecs) : '1',
    minVideoResolution: minRes,
    maxVideoResolution: maxRes,
    origSignalingId: signalingId,
    origCallId,
    destCallId,
    chairPasscode,
    confRequiresChair: requiresChair,
    termConfAfterChairDrops: termAfterChair,
    charJoinTime: chairJoin,
  };
  return itp ? { record, itp } : { record };
}

/** The fields of an ITP system's secondary codec k (2…n): its own call, joined a moment later. */
function codecRecord(
  ctx: CdrContext,
  base: CallRecord,
  itp: ItpSystem,
  t: CallTiming,
  k: number,
): CallRecord {
  const rng = t.rng;
  const lag = rng.int(50, 1500) * (k - 1);
  const start = t.start + lag;
  // Secondary codecs leave no later than the primary, so the system's end is codec 1's.
  const end = Math.max(start, t.end - rng.int(0, 900));
  const endpoint = `sip:${itp.base}_${k}@${ctx.pools.domain}`;
  return {
    ...base,
    callUuid: fastUuid(rng),
    startTime: ctx.formatTime(start),
    endTime: ctx.formatTime(end),
    origEndpoint: endpoint,
    durationSeconds: String(Math.floor((end - start) / 1000)),
    origSignalingId: base.origSignalingId ? `"${itp.displayName}" <${endpoint}>;tag=${hex8(rng)}` : '',
    origCallId: callId(rng, true),
    destCallId: `${hex8(rng)}${hex8(rng)}@${ctx.pools.domain}`,
  };
}

/** The columns after `callType` of an ITP row hold one value per codec. */
const ITP_SINGLE_COLUMNS = 3;

/** A row of the layout's columns; an ITP row is flagged so every cell gets the quoting check. */
export type CsvRow = string[] & { quoteAll?: boolean };

export function callRow(ctx: CdrContext, columns: readonly ColumnSpec[], t: CallTiming): CsvRow {
  const { record, itp } = callRecord(ctx, t);
  const row: CsvRow = new Array(columns.length);
  if (!itp) {
    for (let i = 0; i < columns.length; i++) row[i] = cell(record, columns[i]!.name);
    return row;
  }
  const codecs = [record];
  for (let k = 2; k <= itp.codecs; k++) codecs.push(codecRecord(ctx, record, itp, t, k));
  for (let i = 0; i < columns.length; i++) {
    const name = columns[i]!.name;
    // A comma inside one codec's value would break the list: the DMA's lists cannot hold one.
    row[i] =
      i < ITP_SINGLE_COLUMNS
        ? cell(record, name)
        : codecs.map((r) => cell(r, name).replaceAll(',', ' ')).join(',');
  }
  row.quoteAll = true;
  return row;
}

function cell(record: CallRecord, name: string): string {
  const v = record[name];
  if (v === undefined)
    throw new Error(`calls.csv column ${name} (contracts/csv) has no value in the call model`);
  return v;
}

/** Call rows of the calls that end in [a, b), in start order, made one at a time as the CSV stream pulls. */
export function* callRows(
  ctx: CdrContext,
  scan: { first: number; end: number },
  a: number,
  b: number,
  onCall?: (end: number) => void,
): Generator<CsvRow> {
  const columns = ctx.callColumns;
  const pinned = ctx.golden.calls;
  let p = 0;
  // Pinned calls that ended in [a, b), merged in start order before the first later seeded call.
  const pinnedUpTo = function* (start: number): Generator<CsvRow> {
    for (; p < pinned.length && pinned[p]!.start <= start; p++) {
      const call = pinned[p]!;
      if (call.end < a || call.end >= b) continue;
      onCall?.(call.end);
      yield columns.map((c) => cell(call.record, c.name));
    }
  };
  if (ctx.golden.seeded) {
    for (let g = scan.first; g < scan.end; g++) {
      const t = ctx.grid.timing(g);
      if (t.end < a || t.end >= b) continue;
      if (pinned.length) yield* pinnedUpTo(t.start - 1);
      onCall?.(t.end);
      yield callRow(ctx, columns, t);
    }
  }
  yield* pinnedUpTo(Number.POSITIVE_INFINITY);
}

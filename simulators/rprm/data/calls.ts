import type { Rng } from '../../kernel/index.js';
import { CDR_FORMAT_VERSION } from './columns.js';
import { type CdrContext, conferenceFacts, fastUuid, hex8 } from './context.js';
import { CALLS_PER_BLOCK } from './grid.js';
import type { EndpointModel, Person } from './pools.js';

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

/** One call row (CALL_COLUMNS order): a pure function of the seed and the call's grid index. */
export function callRow(ctx: CdrContext, g: number): string[] {
  const { grid, pools, zone } = ctx;
  const rng = grid.callRng(g);
  const start = grid.startFrom(g, rng);
  const inConference = grid.joinsConference(g, rng);
  const orig = rng.pick(pools.people);
  const origModel = rng.pick(pools.models);
  const origVersion = rng.pick(origModel.versions);
  const bitRate = rng.pick(BIT_RATES);
  const minRes = rng.pick(MIN_RESOLUTIONS);
  const maxRes = minRes === '720' ? '1080' : rng.pick(MAX_RESOLUTIONS);
  const displays = rng.next() < 0.03 ? '3' : '1';
  const callUuid = fastUuid(rng);
  const origCallId = callId(rng, origModel);
  const destCallId = `${hex8(rng)}${hex8(rng)}@${pools.domain}`;
  const origSip = origModel.signaling === 'SIP';
  const origEndpoint = origSip ? `sip:${orig.login}@${pools.domain}` : orig.alias;

  let callType: string;
  let dialin = 'TRUE';
  let end: number;
  let destEndpoint: string;
  let destDisplayName = '';
  let dialString: string;
  let lastForward = '';
  let cluster: string;
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

  if (inConference) {
    const conf = conferenceFacts(ctx, Math.floor(g / CALLS_PER_BLOCK));
    const room = conf.room;
    callType = room.confType === 'LYNC' ? 'VMR-Lync AVMCU' : rng.pick(VMR_TYPES);
    dialin = rng.next() < 0.85 ? 'TRUE' : 'FALSE';
    // Every call of a block is still connected when the block's last call joins, so the
    // conference's partCount (max concurrent calls) is the number of calls it holds.
    end = conf.end - rng.int(0, Math.floor(conf.tailMs * 0.8));
    destEndpoint = `${room.roomId}@${pools.domain}`;
    dialString = origSip ? `sip:${room.roomId}@${pools.domain}` : room.roomId;
    cluster = conf.cluster;
    confUuid = conf.uuid;
    vmr = room.roomId;
    userDataB = room.passThrough;
    if (dialin === 'FALSE') userDataC = `dial-out ${hex8(rng).slice(0, 6)}`;
    userRole = rng.next() < 0.1 ? 'chairperson' : 'participant';
    destModel = 'RealPresence Collaboration Server 2000';
    destVersion = '8.9.1.130';
    chairPasscode = room.chairPasscode;
    requiresChair = room.requiresChair ? 'TRUE' : 'FALSE';
    termAfterChair = room.termAfterChairDrops ? 'TRUE' : 'FALSE';
    if (room.requiresChair || room.chairPasscode) chairJoin = zone.format(conf.start);
  } else {
    callType = rng.pick(PT_PT_TYPES);
    const dest = rng.pick(pools.people);
    const model = rng.pick(pools.models);
    destModel = model.model;
    destVersion = rng.pick(model.versions);
    destEndpoint = endpointOf(dest, model, pools.domain);
    destDisplayName = dest.displayName;
    dialString = model.signaling === 'SIP' ? `sip:${dest.login}@${pools.domain}` : dest.alias;
    cluster = rng.pick(ctx.clusters);
    userDataB = dest.passThrough;
    if (callType.startsWith('VSC-') && callType !== 'VSC-hunt group') {
      lastForward = endpointOf(rng.pick(pools.people), model, pools.domain);
    }
    if (rng.next() < 0.04) {
      const f = rng.pick(FAILURES);
      failure = f.sip;
      cause = f.cause;
      end = start + rng.int(0, 20_999);
    } else {
      end = start + rng.int(20, 5400) * 1000 + rng.int(0, 999);
    }
  }
  const signalingId =
    origSip && dialin === 'TRUE' ? `"${orig.displayName}" <${origEndpoint}>;tag=${hex8(rng)}` : '';

  return [
    CDR_FORMAT_VERSION,
    'CALL',
    callType,
    callUuid,
    dialin,
    zone.format(start),
    zone.format(end),
    origEndpoint,
    orig.displayName,
    destEndpoint,
    destDisplayName,
    dialString,
    lastForward,
    cluster,
    confUuid,
    vmr,
    bitRate,
    String(Math.floor((end - start) / 1000)),
    cause,
    orig.passThrough,
    userDataB,
    userDataC,
    '',
    '',
    userRole,
    failure,
    origModel.model,
    origVersion,
    destModel,
    destVersion,
    displays,
    minRes,
    maxRes,
    signalingId,
    origCallId,
    destCallId,
    chairPasscode,
    requiresChair,
    termAfterChair,
    chairJoin,
  ];
}

function endpointOf(person: Person, model: EndpointModel, domain: string): string {
  return model.signaling === 'SIP' ? `sip:${person.login}@${domain}` : person.alias;
}

/** SIP Call-IDs look like `<hex>@<host>`; H.323 call identifiers are 16-byte GUIDs in hex. */
function callId(rng: Rng, model: EndpointModel): string {
  return model.signaling === 'SIP'
    ? `${hex8(rng)}-${hex8(rng)}@10.${rng.int(0, 255)}.${rng.int(0, 255)}.${rng.int(1, 254)}`
    : `${hex8(rng)}${hex8(rng)}${hex8(rng)}${hex8(rng)}`;
}

/** Call rows of grid indices [first, end), made one at a time as the CSV stream pulls. */
export function* callRows(ctx: CdrContext, first: number, end: number): Generator<string[]> {
  for (let g = first; g < end; g++) yield callRow(ctx, g);
}

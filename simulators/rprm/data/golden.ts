import { ConfigError, type Kernel, Rng } from '../../kernel/index.js';
import type { CallRecord } from './calls.js';
import { type ConferenceFacts, fastUuid, hex8, maxConcurrent } from './context.js';
import type { CallTiming } from './grid.js';
import type { Person, Room } from './pools.js';
import type { TimeZone } from './zone.js';

/**
 * Golden data: the rooms, users, conferences and calls the DMA recorded for certain. Pinned
 * traffic joins the seeded call grid (or replaces it): the export's calls.csv, conferences.csv
 * and callcounts.csv and the status's record counts are all computed from the same list, and a
 * pinned call appears only once it has ended — an export asked for before that does not hold it.
 */

export interface GoldenPerson {
  /** Login (the SIP user part of their endpoint). */
  login: string;
  displayName?: string;
  /** DOMAIN\login as the directory holds it (default `LOCAL\<login>`). */
  account?: string;
  passThrough?: string;
}

export interface GoldenRoom {
  roomId: string;
  owner: GoldenPerson;
  classOfService: 'Gold' | 'Silver' | 'Bronze';
  /** PCO (default), LYNC or AD-HOC. */
  confType?: 'PCO' | 'LYNC' | 'AD-HOC';
  passThrough?: string;
  chairPasscode?: string;
  requiresChair?: boolean;
  termAfterChairDrops?: boolean;
}

export interface GoldenConferenceCall {
  /** A pinned user's login; default a participant named after the call. */
  user?: string;
  start: string;
  end: string;
  /** VMR (default), VEQ or VMR-subscribe only; a LYNC room's calls are VMR-Lync AVMCU. */
  callType?: 'VMR' | 'VEQ' | 'VMR-subscribe only';
  chair?: boolean;
}

export interface GoldenConference {
  /** A pinned room's roomId. */
  room: string;
  /** Default: the first of the `clusters` option. */
  cluster?: string;
  calls: GoldenConferenceCall[];
}

export interface GoldenCall {
  from: string;
  to: string;
  start: string;
  end: string;
  callType?: 'PT-PT' | 'VSC-hunt group' | 'VSC-uncond fwd' | 'VSC-fwd busy' | 'VSC-fwd no answer';
  cluster?: string;
  /** A call that never connected: its SIP failure (`486:BUSY HERE`) and Q.850 cause code. */
  failure?: { sip: string; cause: string };
}

/** Counts per room and day: `conferences` conferences of `participants` calls of `minutes` each. */
export interface GoldenDaily {
  room: string;
  /** Local day of the appliance (`timeZone`), YYYY-MM-DD. */
  day: string;
  conferences: number;
  participants: number;
  minutes: number;
  cluster?: string;
}

export interface RprmData {
  /**
   * Keep the seeded traffic beside the pinned one. Default: false when any conference, call or
   * daily count is pinned (the pinned traffic is all there is), else true.
   */
  seeded?: boolean;
  users?: GoldenPerson[];
  rooms?: GoldenRoom[];
  conferences?: GoldenConference[];
  calls?: GoldenCall[];
  daily?: GoldenDaily[];
}

const INSTANT = {
  type: 'string',
  pattern: '^\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}(\\.\\d{3})?(Z|[+-]\\d{2}:\\d{2})$',
  description: 'ISO instant with its offset (2026-10-03T14:00:00Z)',
};
const PERSON = {
  type: 'object',
  required: ['login'],
  additionalProperties: false,
  properties: {
    login: { type: 'string', pattern: '^[A-Za-z0-9._-]{1,64}$' },
    displayName: { type: 'string', minLength: 1, maxLength: 200 },
    account: { type: 'string', minLength: 1, maxLength: 200 },
    passThrough: { type: 'string', maxLength: 200 },
  },
};
const CLUSTER = {
  type: 'string',
  minLength: 1,
  description: 'one of the clusters option (default: the first)',
};

/** RPRM's `data:` section (the plug-in's `dataSchema`; also `PUT /_sim/data`). */
export const DATA_SCHEMA = {
  type: 'object',
  additionalProperties: false,
  description: 'golden data: rooms, users, conferences, calls and daily counts (docs/rprm.md)',
  properties: {
    seeded: { type: 'boolean', description: 'keep the seeded traffic beside the pinned one' },
    users: { type: 'array', maxItems: 10_000, items: PERSON },
    rooms: {
      type: 'array',
      maxItems: 10_000,
      items: {
        type: 'object',
        required: ['roomId', 'owner', 'classOfService'],
        additionalProperties: false,
        properties: {
          roomId: { type: 'string', pattern: '^[A-Za-z0-9._-]{1,64}$' },
          owner: PERSON,
          classOfService: { enum: ['Gold', 'Silver', 'Bronze'] },
          confType: { enum: ['PCO', 'LYNC', 'AD-HOC'], default: 'PCO' },
          passThrough: { type: 'string', maxLength: 200 },
          chairPasscode: { type: 'string', maxLength: 32 },
          requiresChair: { type: 'boolean', default: false },
          termAfterChairDrops: { type: 'boolean', default: false },
        },
      },
    },
    conferences: {
      type: 'array',
      maxItems: 100_000,
      items: {
        type: 'object',
        required: ['room', 'calls'],
        additionalProperties: false,
        properties: {
          room: { type: 'string', minLength: 1 },
          cluster: CLUSTER,
          calls: {
            type: 'array',
            minItems: 1,
            maxItems: 500,
            items: {
              type: 'object',
              required: ['start', 'end'],
              additionalProperties: false,
              properties: {
                user: { type: 'string', minLength: 1 },
                start: INSTANT,
                end: INSTANT,
                callType: { enum: ['VMR', 'VEQ', 'VMR-subscribe only'] },
                chair: { type: 'boolean' },
              },
            },
          },
        },
      },
    },
    calls: {
      type: 'array',
      maxItems: 100_000,
      items: {
        type: 'object',
        required: ['from', 'to', 'start', 'end'],
        additionalProperties: false,
        properties: {
          from: { type: 'string', minLength: 1 },
          to: { type: 'string', minLength: 1 },
          start: INSTANT,
          end: INSTANT,
          callType: {
            enum: ['PT-PT', 'VSC-hunt group', 'VSC-uncond fwd', 'VSC-fwd busy', 'VSC-fwd no answer'],
          },
          cluster: CLUSTER,
          failure: {
            type: 'object',
            required: ['sip', 'cause'],
            additionalProperties: false,
            properties: {
              sip: { type: 'string', pattern: '^\\d{3}:' },
              cause: { type: 'string', pattern: '^\\d{1,3}$' },
            },
          },
        },
      },
    },
    daily: {
      type: 'array',
      maxItems: 10_000,
      items: {
        type: 'object',
        required: ['room', 'day', 'conferences', 'participants', 'minutes'],
        additionalProperties: false,
        properties: {
          room: { type: 'string', minLength: 1 },
          day: { type: 'string', pattern: '^\\d{4}-\\d{2}-\\d{2}$' },
          conferences: { type: 'integer', minimum: 0, maximum: 100 },
          participants: { type: 'integer', minimum: 1, maximum: 50 },
          minutes: { type: 'integer', minimum: 1, maximum: 90 },
          cluster: CLUSTER,
        },
      },
    },
  },
};

/** A pinned call, its CDR fields ready, ordered with the seeded ones by start. */
export interface PinnedCall {
  start: number;
  end: number;
  record: CallRecord;
}

/** Pinned traffic in force: calls (of conferences too) by end, conferences by end. */
export interface GoldenTraffic {
  seeded: boolean;
  /** Sorted by start (the order calls.csv lists them). */
  calls: PinnedCall[];
  conferences: ConferenceFacts[];
  /** Ends, sorted, for counting calls / conferences that ended in a span. */
  callEnds: Float64Array;
  conferenceEnds: Float64Array;
}

/** The seeded world alone: no pinned traffic (a new object each time: apps share nothing). */
export function noGolden(): GoldenTraffic {
  return {
    seeded: true,
    calls: [],
    conferences: [],
    callEnds: new Float64Array(0),
    conferenceEnds: new Float64Array(0),
  };
}

/** Pinned calls or conferences that ended in [a, b). */
export function pinnedEndedIn(ends: Float64Array, a: number, b: number): number {
  return b <= a ? 0 : lowerBound(ends, b) - lowerBound(ends, a);
}

function lowerBound(values: Float64Array, x: number): number {
  let lo = 0;
  let hi = values.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (values[mid]! < x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

const MCU = { model: 'RealPresence Collaboration Server 2000', version: '8.9.1.130' };
const AVMCU = { model: 'Microsoft Lync Server 2013 AVMCU', version: '5.0.8308.0' };
const ENDPOINT = { model: 'RealPresence Group 500', version: '6.2.2' };

export interface GoldenContext {
  kernel: Kernel;
  clusters: readonly string[];
  zone: TimeZone;
  version: string;
  formatTime: (ms: number) => string;
  domain: () => string;
}

function person(p: GoldenPerson): Person {
  return {
    displayName: p.displayName ?? p.login,
    login: p.login,
    account: p.account ?? `LOCAL\\${p.login}`,
    passThrough: p.passThrough ?? '',
    alias: p.login,
  };
}

/**
 * Checks the data (schema, then what it cannot say: unknown rooms and clusters, calls that end
 * before they start or run past the DMA's 90-minute ceiling) and builds the pinned traffic.
 * Throws a ConfigError naming JSON pointers; a pure function of (seed, data).
 */
export function pinTraffic(g: GoldenContext, data: RprmData | undefined): GoldenTraffic {
  const problems = g.kernel.validator.check(DATA_SCHEMA, data ?? {});
  if (problems.length) throw new ConfigError(problems, 'rprm data');
  if (!data) return noGolden();
  const users = new Map((data.users ?? []).map((u) => [u.login, person(u)]));
  const rooms = new Map<string, Room>();
  for (const r of data.rooms ?? []) {
    const owner = person(r.owner);
    if (!users.has(owner.login)) users.set(owner.login, owner);
    rooms.set(r.roomId, {
      roomId: r.roomId,
      owner,
      passThrough: r.passThrough ?? '',
      chairPasscode: r.chairPasscode ?? '',
      classOfService: r.classOfService,
      confType: r.confType ?? 'PCO',
      requiresChair: r.requiresChair ?? false,
      termAfterChairDrops: r.termAfterChairDrops ?? false,
    });
  }
  const cluster = (value: string | undefined, at: string) => {
    if (value === undefined) return g.clusters[0]!;
    if (!g.clusters.includes(value))
      problems.push(`${at}: names no cluster of the clusters option (have: ${g.clusters.join(', ')})`);
    return value;
  };
  const span = (s: string, e: string, at: string) => {
    const start = Date.parse(s);
    const end = Date.parse(e);
    if (Number.isNaN(start)) problems.push(`${at}/start: no such instant (got "${s}")`);
    if (Number.isNaN(end)) problems.push(`${at}/end: no such instant (got "${e}")`);
    else if (end < start) problems.push(`${at}/end: is before start (${e} < ${s})`);
    else if (end - start >= 5_401_000)
      problems.push(`${at}/end: a call lasts less than 90 minutes on the DMA`);
    return { start, end };
  };
  const calls: PinnedCall[] = [];
  const conferences: ConferenceFacts[] = [];
  const addConference = (
    roomId: string,
    clusterName: string,
    list: { user?: string; start: number; end: number; callType?: string; chair?: boolean }[],
    key: string,
  ) => {
    const room = rooms.get(roomId)!;
    const rng = new Rng(g.kernel.data.seedFor(`rprm:golden:${key}`));
    const uuid = fastUuid(rng);
    const lync = room.confType === 'LYNC';
    const lyncId = hex8(rng).toUpperCase();
    const timings: CallTiming[] = list
      .map((c, i) => ({ c, i }))
      .sort((x, y) => x.c.start - y.c.start || x.i - y.i)
      .map(({ c }, i) => ({
        g: i,
        start: c.start,
        end: c.end,
        inConference: true,
        chair: c.chair ?? (room.requiresChair && i === 0),
        failed: false,
        rng,
      }));
    const firstChair = timings.find((t) => t.chair)?.start;
    const facts: ConferenceFacts = {
      c: -1 - conferences.length,
      room,
      uuid,
      cluster: clusterName,
      start: timings[0]!.start,
      end: Math.max(...timings.map((t) => t.end)),
      calls: timings,
      partCount: maxConcurrent(timings),
      firstChairJoin: firstChair,
      lyncId,
      voiceDraw: 0,
      apiIdDraw: 1,
    };
    conferences.push(facts);
    const ordered = list.map((c, i) => ({ c, i })).sort((x, y) => x.c.start - y.c.start || x.i - y.i);
    ordered.forEach(({ c }, i) => {
      const who =
        (c.user && users.get(c.user)) ||
        person({ login: `${roomId}-guest-${i + 1}`, displayName: `Guest ${i + 1}` });
      const roomAddress = lync ? lyncId : room.roomId;
      const chair = timings[i]!.chair;
      calls.push({
        start: c.start,
        end: c.end,
        record: callRecordOf(g, rng, {
          callType: lync ? 'VMR-Lync AVMCU' : (c.callType ?? 'VMR'),
          start: c.start,
          end: c.end,
          orig: who,
          destEndpoint: lync
            ? `sip:${room.owner.login}@${g.domain()};gruu;opaque=app:conf:focus:id:${roomAddress}`
            : `${roomAddress}@${g.domain()}`,
          destDisplayName: '',
          dialString: `sip:${roomAddress}@${g.domain()}`,
          cluster: clusterName,
          confUuid: uuid,
          vmr: roomAddress,
          userDataB: room.passThrough,
          userRole: chair ? 'chairperson' : 'participant',
          dest: lync ? AVMCU : MCU,
          room,
          chairJoin: firstChair !== undefined && firstChair <= c.end ? g.formatTime(firstChair) : '',
        }),
      });
    });
  };
  data.conferences?.forEach((conf, i) => {
    const at = `/conferences/${i}`;
    if (!rooms.has(conf.room)) problems.push(`${at}/room: names no pinned room (rooms/roomId)`);
    const clusterName = cluster(conf.cluster, `${at}/cluster`);
    const list = conf.calls.map((c, j) => {
      if (c.user !== undefined && !users.has(c.user))
        problems.push(`${at}/calls/${j}/user: names no pinned user (users/login or a room owner)`);
      return { ...c, ...span(c.start, c.end, `${at}/calls/${j}`) };
    });
    if (!problems.length) addConference(conf.room, clusterName, list, `conference:${i}`);
  });
  data.daily?.forEach((d, i) => {
    const at = `/daily/${i}`;
    if (!rooms.has(d.room)) problems.push(`${at}/room: names no pinned room (rooms/roomId)`);
    const noon = Date.parse(`${d.day}T12:00:00Z`);
    if (Number.isNaN(noon)) problems.push(`${at}/day: no such day (got "${d.day}")`);
    const clusterName = cluster(d.cluster, `${at}/cluster`);
    if (problems.length) return;
    // The day's conferences one after the other from 09:00 local, five minutes apart.
    let start = g.zone.startOfDay(noon) + 9 * 3_600_000;
    for (let n = 0; n < d.conferences; n++) {
      const list = Array.from({ length: d.participants }, () => ({ start, end: start + d.minutes * 60_000 }));
      addConference(d.room, clusterName, list, `daily:${i}:${n}`);
      start += (d.minutes + 5) * 60_000;
    }
  });
  data.calls?.forEach((c, i) => {
    const at = `/calls/${i}`;
    const { start, end } = span(c.start, c.end, at);
    const clusterName = cluster(c.cluster, `${at}/cluster`);
    if (problems.length) return;
    const rng = new Rng(g.kernel.data.seedFor(`rprm:golden:call:${i}`));
    const who = (login: string) => users.get(login) ?? person({ login });
    const dest = who(c.to);
    calls.push({
      start,
      end,
      record: callRecordOf(g, rng, {
        callType: c.callType ?? 'PT-PT',
        start,
        end,
        orig: who(c.from),
        destEndpoint: `sip:${dest.login}@${g.domain()}`,
        destDisplayName: dest.displayName,
        dialString: `sip:${dest.login}@${g.domain()}`,
        cluster: clusterName,
        confUuid: '',
        vmr: '',
        userDataB: dest.passThrough,
        userRole: '',
        dest: ENDPOINT,
        failure: c.failure,
        chairJoin: '',
      }),
    });
  });
  if (problems.length) throw new ConfigError(problems, 'rprm data');
  calls.sort((a, b) => a.start - b.start);
  conferences.sort((a, b) => a.start - b.start);
  const pinnedAny = Boolean(data.conferences?.length || data.calls?.length || data.daily?.length);
  return {
    seeded: data.seeded ?? !pinnedAny,
    calls,
    conferences,
    callEnds: Float64Array.from(calls.map((c) => c.end)).sort(),
    conferenceEnds: Float64Array.from(conferences.map((c) => c.end)).sort(),
  };
}

interface CallFacts {
  callType: string;
  start: number;
  end: number;
  orig: Person;
  destEndpoint: string;
  destDisplayName: string;
  dialString: string;
  cluster: string;
  confUuid: string;
  vmr: string;
  userDataB: string;
  userRole: string;
  dest: { model: string; version: string };
  room?: Room;
  failure?: { sip: string; cause: string };
  chairJoin: string;
}

/** Every column any calls layout names, from the pinned facts (ids drawn from the seed). */
function callRecordOf(g: GoldenContext, rng: Rng, f: CallFacts): CallRecord {
  const endpoint = `sip:${f.orig.login}@${g.domain()}`;
  return {
    version: g.version,
    type: 'CALL',
    callType: f.callType,
    callUuid: fastUuid(rng),
    dialin: 'TRUE',
    startTime: g.formatTime(f.start),
    endTime: g.formatTime(f.end),
    origEndpoint: endpoint,
    origDisplayName: f.orig.displayName,
    destEndpoint: f.destEndpoint,
    destDisplayName: f.destDisplayName,
    dialString: f.dialString,
    lastForwardEndpoint: '',
    cluster: f.cluster,
    confUUID: f.confUuid,
    vmr: f.vmr,
    bitRate: '1024',
    durationSeconds: String(Math.floor((f.end - f.start) / 1000)),
    causeCode: f.failure?.cause ?? '16',
    VEQCluster: f.callType === 'VEQ' ? f.cluster : '',
    userDataA: f.orig.passThrough,
    userDataB: f.userDataB,
    userDataC: '',
    userDataD: '',
    userDataE: '',
    userRole: f.userRole,
    failureSignalingCode: f.failure?.sip ?? '',
    origModel: ENDPOINT.model,
    origVersion: ENDPOINT.version,
    destModel: f.dest.model,
    destVersion: f.dest.version,
    displays: '1',
    minVideoResolution: '720',
    maxVideoResolution: '1080',
    origSignalingId: `"${f.orig.displayName}" <${endpoint}>;tag=${hex8(rng)}`,
    origCallId: `${hex8(rng)}-${hex8(rng)}@10.0.0.1`,
    destCallId: `${hex8(rng)}${hex8(rng)}@${g.domain()}`,
    chairPasscode: f.room?.chairPasscode ?? '',
    confRequiresChair: f.room?.requiresChair ? 'TRUE' : 'FALSE',
    termConfAfterChairDrops: f.room?.termAfterChairDrops ? 'TRUE' : 'FALSE',
    charJoinTime: f.chairJoin,
  };
}

import type { CallRecord, CsvRow } from './calls.js';
import { type CdrContext, type ConferenceFacts, conferenceFacts } from './context.js';

/** One conference by column name; the conferences layout (contracts/csv) picks and orders them. */
export function conferenceRecord(ctx: CdrContext, conf: ConferenceFacts): CallRecord {
  const { room, partCount } = conf;
  const lync = room.confType === 'LYNC';
  const voice = Math.floor(conf.voiceDraw * (Math.floor(partCount / 3) + 1));
  const apiConferenceId = conf.apiIdDraw < 0.1 ? `api-${conf.uuid.slice(0, 8)}` : '';
  return {
    version: ctx.version,
    type: 'CONF',
    confType: room.confType,
    cluster: conf.cluster,
    confUUID: conf.uuid,
    startTime: ctx.formatTime(conf.start),
    endTime: ctx.formatTime(conf.end),
    // A Lync conference has no VMR owner; it is known by its Lync conference id.
    userID: lync ? '' : room.owner.account,
    roomID: lync ? conf.lyncId : room.roomId,
    partCount: String(partCount),
    classOfService: room.classOfService,
    userDataA: lync ? '' : room.owner.passThrough,
    userDataB: room.passThrough,
    userDataC: apiConferenceId,
    // Only an RMX / RealPresence Collaboration Server reports resources; Lync's AVMCU does not.
    maxResourcesUsed: lync ? '' : `video: ${partCount - voice} voice: ${voice}`,
  };
}

/** Rows of the conferences that end in [a, b), in start order. */
export function* conferenceRows(
  ctx: CdrContext,
  scan: { first: number; end: number },
  a: number,
  b: number,
  onConference?: (end: number) => void,
): Generator<CsvRow> {
  const columns = ctx.layouts.conferences;
  const row = (facts: ConferenceFacts): CsvRow => {
    onConference?.(facts.end);
    const record = conferenceRecord(ctx, facts);
    const cells: CsvRow = new Array(columns.length);
    for (let i = 0; i < columns.length; i++) {
      const v = record[columns[i]!.name];
      if (v === undefined) throw new Error(`conferences.csv column ${columns[i]!.name} has no value`);
      cells[i] = v;
    }
    return cells;
  };
  // Pinned conferences (golden data) merge in start order before the first later seeded one.
  const pinned = ctx.golden.conferences;
  let p = 0;
  const ended = (f: ConferenceFacts) => f.end >= a && f.end < b;
  if (ctx.golden.seeded) {
    for (let c = scan.first; c < scan.end; c++) {
      const facts = conferenceFacts(ctx, c);
      if (!ended(facts)) continue;
      for (; p < pinned.length && pinned[p]!.start < facts.start; p++)
        if (ended(pinned[p]!)) yield row(pinned[p]!);
      yield row(facts);
    }
  }
  for (; p < pinned.length; p++) if (ended(pinned[p]!)) yield row(pinned[p]!);
}

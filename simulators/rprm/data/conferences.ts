import { CDR_FORMAT_VERSION } from './columns.js';
import { type CdrContext, conferenceFacts } from './context.js';
import { CALLS_PER_BLOCK } from './grid.js';

/** Calls of block `c` that joined its conference (the VMR decision of each call in the block). */
export function conferenceCallCount(ctx: CdrContext, c: number): number {
  let count = 0;
  for (let g = c * CALLS_PER_BLOCK; g < (c + 1) * CALLS_PER_BLOCK; g++) {
    const rng = ctx.grid.callRng(g);
    rng.next();
    if (ctx.grid.joinsConference(g, rng)) count++;
  }
  return count;
}

/** One conference row (CONFERENCE_COLUMNS order). */
export function conferenceRow(ctx: CdrContext, c: number): string[] {
  const conf = conferenceFacts(ctx, c);
  const { room } = conf;
  const partCount = conferenceCallCount(ctx, c);
  const voice = Math.floor(conf.voiceDraw * (Math.floor(partCount / 3) + 1));
  const apiConferenceId = conf.apiIdDraw < 0.1 ? `api-${conf.uuid.slice(0, 8)}` : '';
  return [
    CDR_FORMAT_VERSION,
    'CONF',
    room.confType,
    conf.cluster,
    conf.uuid,
    ctx.zone.format(conf.start),
    ctx.zone.format(conf.end),
    room.owner.account,
    room.roomId,
    String(partCount),
    room.classOfService,
    room.owner.passThrough,
    room.passThrough,
    apiConferenceId,
    `video: ${partCount - voice} voice: ${voice}`,
  ];
}

export function* conferenceRows(ctx: CdrContext, first: number, end: number): Generator<string[]> {
  for (let c = first; c < end; c++) yield conferenceRow(ctx, c);
}

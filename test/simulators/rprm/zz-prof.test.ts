import { it } from 'vitest';
import { callRecord, callRow } from '../../../simulators/rprm/data/calls.js';
import { cdrContext } from './in-process.js';

it('prof', async () => {
  const ctx = cdrContext({ callsPerDay: 1_000_000 });
  const g0 = 20521937489 + 70000;
  for (let g = g0; g < g0 + 20000; g++) callRow(ctx, ctx.callColumns, ctx.grid.timing(g));
  let t = performance.now();
  for (let g = g0; g < g0 + 20000; g++) callRecord(ctx, ctx.grid.timing(g));
  console.log('records x20000', performance.now() - t);
  t = performance.now();
  for (let g = g0; g < g0 + 20000; g++) callRow(ctx, ctx.callColumns, ctx.grid.timing(g));
  console.log('rows x20000', performance.now() - t);
});

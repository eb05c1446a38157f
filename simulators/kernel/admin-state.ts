import express, { type Response, type Router } from 'express';
import type { Kernel } from './kernel.js';
import {
  MAX_STATE_BYTES,
  prepareRestore,
  SnapshotError,
  type SnapshotHooks,
  takeSnapshot,
} from './snapshot.js';

/**
 * `GET /_sim/state` (this simulator's snapshot) and `PUT /_sim/state` (continue from one),
 * declared in contracts/sim.openapi.yaml. Mounted ahead of the admin API's 64 KiB body parser:
 * a snapshot with a thousand jobs and rules is bigger than any other admin body.
 */
export function stateRoutes(kernel: Kernel, hooks: SnapshotHooks): Router {
  const r = express.Router({ strict: true, caseSensitive: true });
  const parse = express.json({ limit: MAX_STATE_BYTES, type: ['application/json', 'application/*+json'] });

  r.get('/state', (_req, res) => {
    res.json(takeSnapshot(kernel, hooks));
  });

  r.put('/state', parse, (req, res) => {
    const type = req.headers['content-type'];
    if (type === undefined || !/^application\/(?:[\w.+-]+\+)?json\b/i.test(type))
      return refuse(
        res,
        new SnapshotError(400, ['the body must be a snapshot as JSON (Content-Type: application/json)']),
      );
    try {
      const apply = prepareRestore(kernel, hooks, req.body);
      apply();
    } catch (e) {
      if (e instanceof SnapshotError) return refuse(res, e);
      throw e;
    }
    res.json(restoredView(kernel));
  });

  return r;
}

function refuse(res: Response, e: SnapshotError): void {
  res.status(e.status).json({ error: e.message, problems: e.problems });
}

/** What the simulator now holds: its clock, jobs and active fault rules. */
function restoredView(kernel: Kernel) {
  return {
    vendor: kernel.vendor,
    now: kernel.clock.date().toISOString(),
    jobs: kernel.jobs.size,
    faults: kernel.faults.size,
  };
}

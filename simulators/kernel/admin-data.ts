import express, { type Request, type Response, type Router } from 'express';
import type { Kernel } from './kernel.js';
import { ConfigError } from './options-validation.js';

/**
 * Golden data at runtime (declared in contracts/sim.openapi.yaml): `GET /_sim/data` answers the
 * data in force, `PUT /_sim/data` replaces it — checked against the vendor's `dataSchema` like
 * the config file's `data:` section, so a mistake answers 400 naming its JSON pointer and
 * changes nothing. `{}` goes back to the seeded world alone.
 */
export function dataRoutes(kernel: Kernel): Router {
  const r = express.Router({ strict: true, caseSensitive: true });

  r.get('/data', (_req, res) => {
    if (!kernel.takesData) return error(res, 404, `the ${kernel.vendor} simulator takes no data`);
    res.json({ vendor: kernel.vendor, data: kernel.dataOverrides ?? null });
  });

  r.put('/data', (req: Request, res: Response) => {
    if (!kernel.takesData) return error(res, 404, `the ${kernel.vendor} simulator takes no data`);
    const data = req.body as unknown;
    if (data === undefined) return error(res, 400, '/: give the data as a JSON object ({} for none)');
    if (typeof data !== 'object' || data === null || Array.isArray(data))
      return error(res, 400, '/: the data must be a JSON object ({} for none)');
    // `{}`: no pinned facts, the seeded world alone.
    const given = Object.keys(data).length ? (data as Record<string, unknown>) : undefined;
    try {
      kernel.setData(given);
    } catch (e) {
      if (e instanceof ConfigError) return error(res, 400, e.problems.join('; '), e.problems);
      throw e;
    }
    res.json({ vendor: kernel.vendor, data: kernel.dataOverrides ?? null });
  });

  return r;
}

function error(res: Response, status: number, message: string, problems?: string[]): void {
  res.status(status).json(problems ? { error: message, problems } : { error: message });
}

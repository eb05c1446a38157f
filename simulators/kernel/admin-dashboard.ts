import express, { type Router } from 'express';
import { describeRoutes, docsPages } from './admin-describe.js';
import { simulatorsRoute, uiPages } from './admin-ui.js';
import { verifyRoutes } from './admin-verify.js';
import type { Kernel } from './kernel.js';

/*
 * The admin routes that look at a running simulator rather than steer it. Everything heavy
 * (contracts, Swagger UI, the dashboard's files) is read on first request, so a `serve` that
 * nobody watches starts as fast as without them.
 */

/** Static pages (dashboard, API docs): no data in them, mounted ahead of the admin token check. */
export function dashboardPages(kernel: Kernel): Router {
  const r = express.Router();
  r.use(uiPages());
  r.use(docsPages(kernel.vendor));
  return r;
}

/** Request verification and HAR, the simulator's self-description, and the simulator directory. */
export function dashboardRoutes(kernel: Kernel): Router {
  const r = express.Router();
  r.use(verifyRoutes(kernel));
  r.use(describeRoutes(kernel));
  r.use(simulatorsRoute(kernel));
  return r;
}

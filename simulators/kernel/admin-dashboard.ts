import express, { type Router } from 'express';
import { verifyRoutes } from './admin-verify.js';
import type { Kernel } from './kernel.js';

/**
 * The admin routes that look at a running simulator rather than steer it: request
 * verification and HAR. Mounted by admin.ts ahead of its own routes; everything heavy is read
 * on first request, so a `serve` that nobody watches starts as fast as without them.
 */
export function dashboardRoutes(kernel: Kernel): Router {
  const r = express.Router();
  r.use(verifyRoutes(kernel));
  return r;
}

import express, { type Router } from 'express';
import { describeRoutes } from './admin-describe.js';
import { verifyRoutes } from './admin-verify.js';
import type { Kernel } from './kernel.js';

/**
 * The admin routes that look at a running simulator rather than steer it: request
 * verification and HAR, the self-description (OpenAPI, Swagger UI, version) and the dashboard. Mounted by admin.ts ahead of its own routes; everything heavy is read
 * on first request, so a `serve` that nobody watches starts as fast as without them.
 */
export function dashboardRoutes(kernel: Kernel): Router {
  const r = express.Router();
  r.use(verifyRoutes(kernel));
  r.use(describeRoutes(kernel));
  return r;
}

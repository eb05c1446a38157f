import { IncomingMessage, type RequestListener, ServerResponse } from 'node:http';

/** The two classes node:http instantiates per request, as its server options name them. */
export interface MessageClasses {
  IncomingMessage: typeof IncomingMessage;
  ServerResponse: typeof ServerResponse<IncomingMessage>;
}

/** What an Express app exposes for its requests and responses to inherit from. */
interface ExpressLike {
  request: object;
  response: object;
  handle: unknown;
  [ALIGNED]?: MessageClasses;
}

/** Where an aligned app keeps its classes: on the app itself, so nothing is kept per process. */
const ALIGNED = Symbol('billing-sim.alignedMessageClasses');

function isExpressApp(handler: RequestListener): handler is RequestListener & ExpressLike {
  const app = handler as Partial<ExpressLike>;
  return (
    typeof app.handle === 'function' && typeof app.request === 'object' && typeof app.response === 'object'
  );
}

/**
 * The only place billing-sim aligns with an Express internal. Express re-parents every request
 * and response onto `app.request` / `app.response` with `Object.setPrototypeOf`. V8 then gives
 * each object a shape of its own, and under load those objects outlive scavenges and are
 * promoted (bench/README.md has the cost). These classes are subclasses of
 * node's, whose prototypes sit in front of the app's own `request` / `response` (so anything
 * set on those still applies) and become the app's `request` / `response`: Express's call then
 * finds the prototype already in place and changes nothing. Requests served by any other server
 * (supertest's, a user's `app.listen`) are re-parented as before and behave the same.
 * Undefined for a handler that is not an Express app. Once per app.
 */
export function alignedMessageClasses(handler: RequestListener): MessageClasses | undefined {
  if (!isExpressApp(handler)) return undefined;
  const known = handler[ALIGNED];
  if (known) return known;
  class AppRequest extends IncomingMessage {}
  class AppResponse extends ServerResponse {}
  Object.setPrototypeOf(AppRequest.prototype, handler.request);
  Object.setPrototypeOf(AppResponse.prototype, handler.response);
  handler.request = AppRequest.prototype;
  handler.response = AppResponse.prototype;
  const classes: MessageClasses = { IncomingMessage: AppRequest, ServerResponse: AppResponse };
  Object.defineProperty(handler, ALIGNED, { value: classes });
  return classes;
}

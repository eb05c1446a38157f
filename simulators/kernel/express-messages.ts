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
}

const aligned = new WeakMap<object, MessageClasses>();

function isExpressApp(handler: RequestListener): handler is RequestListener & ExpressLike {
  const app = handler as Partial<ExpressLike>;
  return (
    typeof app.handle === 'function' && typeof app.request === 'object' && typeof app.response === 'object'
  );
}

/**
 * Express re-parents every request and response onto `app.request` / `app.response` with
 * `Object.setPrototypeOf`. V8 then gives each object a shape of its own, and under load those
 * objects outlive scavenges and are promoted: a bare Express route answers ≈ 4× fewer requests
 * than the same route whose objects are born with those prototypes (14k vs 62k req/s at 50
 * connections, p99 12 vs 1 ms; bench/README.md, finding 15). These classes are subclasses of
 * node's, whose prototypes sit in front of the app's own `request` / `response` (so anything
 * set on those still applies) and become the app's `request` / `response`: Express's call then
 * finds the prototype already in place and changes nothing. Requests served by any other server
 * (supertest's, a user's `app.listen`) are re-parented as before and behave the same.
 * Undefined for a handler that is not an Express app. Once per app.
 */
export function alignedMessageClasses(handler: RequestListener): MessageClasses | undefined {
  if (!isExpressApp(handler)) return undefined;
  const known = aligned.get(handler);
  if (known) return known;
  class AppRequest extends IncomingMessage {}
  class AppResponse extends ServerResponse {}
  Object.setPrototypeOf(AppRequest.prototype, handler.request);
  Object.setPrototypeOf(AppResponse.prototype, handler.response);
  handler.request = AppRequest.prototype;
  handler.response = AppResponse.prototype;
  const classes: MessageClasses = { IncomingMessage: AppRequest, ServerResponse: AppResponse };
  aligned.set(handler, classes);
  return classes;
}

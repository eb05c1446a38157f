import type { Request, Response } from 'express';
import type { components } from '../../contracts/generated/rprm.js';
import {
  kernelKind,
  type RenderedBody,
  type RequestProblem,
  renderedBody,
  SimError,
  sendRendered,
  statusText,
} from '../kernel/index.js';
import {
  ERROR_JSON,
  ERROR_XML,
  type Negotiator,
  XML_DECLARATION,
  xmlElements,
  xmlEscape,
} from './routes/media.js';

/**
 * plcm-error, the error entity of every RPRM REST resource (the contract's schema); the
 * simulator always fills every field.
 */
export type PlcmError = Required<components['schemas']['PlcmError']>;

/** Error codes this simulator throws (SimError.code) and the kernel's kinds → detail + key. */
const CODES: Record<string, { detailedErrorCode: number; localizationKey: string }> = {
  UNAUTHORIZED: { detailedErrorCode: 1001, localizationKey: 'error.authentication.failed' },
  FORBIDDEN: { detailedErrorCode: 1003, localizationKey: 'error.authorization.denied' },
  INVALID_DATE: { detailedErrorCode: 2001, localizationKey: 'error.billing.invalid.date' },
  INVALID_DATE_RANGE: { detailedErrorCode: 2002, localizationKey: 'error.billing.invalid.date.range' },
  CDR_NOT_GENERATED: { detailedErrorCode: 2004, localizationKey: 'error.billing.cdr.not.generated' },
  ANOTHER_CDR_IS_BEING_GENERATED: {
    detailedErrorCode: 2009,
    localizationKey: 'error.billing.another.cdr.being.generated',
  },
  CDR_GENERATION_RUNNING: {
    detailedErrorCode: 2010,
    localizationKey: 'error.billing.cdr.generation.running',
  },
  'not-found': { detailedErrorCode: 4004, localizationKey: 'error.resource.not.found' },
  'method-not-allowed': { detailedErrorCode: 4005, localizationKey: 'error.method.not.allowed' },
  NOT_ACCEPTABLE: { detailedErrorCode: 4006, localizationKey: 'error.media.type.not.acceptable' },
  'malformed-json': { detailedErrorCode: 4000, localizationKey: 'error.request.malformed' },
  'bad-request': { detailedErrorCode: 4000, localizationKey: 'error.request.malformed' },
  'body-too-large': { detailedErrorCode: 4013, localizationKey: 'error.request.too.large' },
  'unsupported-media-type': { detailedErrorCode: 4015, localizationKey: 'error.media.type.unsupported' },
  'rate-limited': { detailedErrorCode: 4029, localizationKey: 'error.rate.limit.exceeded' },
  fault: { detailedErrorCode: 5000, localizationKey: 'error.service.unavailable' },
  internal: { detailedErrorCode: 5000, localizationKey: 'error.internal' },
};

/** xs:dateTime's shape, as a refused date parameter's description names it. */
export const XS_DATE_TIME_SHAPE = 'expected [-]CCYY-MM-DDThh:mm:ss[.fraction][Z|(+|-)hh:mm]';

/**
 * The appliance's answer to a request its contract refuses (the kernel's request validation),
 * in the words and codes of the hand-written date checks.
 */
export function requestError(error: SimError): SimError | undefined {
  const p = (error.details.violations as RequestProblem[] | undefined)?.[0];
  if (p === undefined || kernelKind(error) !== 'bad-request') return undefined;
  const details = { parameter: p.name };
  if (p.keyword === 'not-after') {
    const other = String(p.params.other);
    return new SimError(400, `${other} must not be later than ${p.name}.`, {
      code: 'INVALID_DATE_RANGE',
      details: { parameter: other },
    });
  }
  if (p.keyword === 'repeated')
    return new SimError(400, `Query parameter ${p.name} must be given once.`, {
      code: 'INVALID_DATE',
      details,
    });
  return new SimError(400, `Invalid ${p.name} "${String(p.value)}": ${XS_DATE_TIME_SHAPE}.`, {
    code: 'INVALID_DATE',
    details,
  });
}

export function toPlcmError(error: SimError): PlcmError {
  const key = error.code ?? kernelKind(error) ?? 'internal';
  const known = CODES[key] ?? CODES.internal!;
  const faultKey =
    kernelKind(error) === 'fault'
      ? { detailedErrorCode: error.status * 10, localizationKey: `error.http.${error.status}` }
      : undefined;
  const parameter = error.details.parameter;
  return {
    statusCode: error.status,
    description: error.message,
    technicalDetails: `${error.status} ${statusText(error.status)}${key === 'internal' ? '' : ` (${key})`}`,
    detailedErrorCode: faultKey?.detailedErrorCode ?? known.detailedErrorCode,
    localizationKey: faultKey?.localizationKey ?? known.localizationKey,
    localizationParam: typeof parameter === 'string' ? [parameter] : [],
  };
}

/**
 * The app's plcm-error renderer. A plcm-error depends on nothing but its SimError, and the kernel
 * hands out the same SimError for every 429 of a given wait: each error's rendering is kept with
 * it (in this app's own map), so a rejected flood is answered from text made once.
 */
export function createPlcmErrorRenderer(negotiator: Negotiator) {
  const rendered = new WeakMap<SimError, { json?: RenderedBody; xml?: RenderedBody }>();
  return (req: Request, res: Response, raw: SimError): void => {
    const error = requestError(raw) ?? raw;
    const xml = negotiator.wantsXml(req, ERROR_JSON, ERROR_XML);
    let texts = rendered.get(error);
    if (!texts) {
      texts = {};
      rendered.set(error, texts);
    }
    res.statusCode = error.status;
    const challenge = error.details.challenge;
    if (error.status === 401 && typeof challenge === 'string') res.setHeader('WWW-Authenticate', challenge);
    if (xml) {
      texts.xml ??= renderedBody(plcmErrorXml(toPlcmError(error)));
      sendRendered(res, texts.xml, `${ERROR_XML}; charset=utf-8`);
      return;
    }
    texts.json ??= renderedBody(JSON.stringify(toPlcmError(error)));
    sendRendered(res, texts.json, `${ERROR_JSON}; charset=utf-8`);
  };
}

function plcmErrorXml(e: PlcmError): string {
  const params = e.localizationParam
    .map((p) => `  <localization-param>${xmlEscape(p)}</localization-param>`)
    .join('\n');
  return [
    XML_DECLARATION,
    '<plcm-error xmlns="urn:com:polycom:api:rest:plcm-error">',
    xmlElements([
      ['status-code', e.statusCode],
      ['description', e.description],
      ['technical-details', e.technicalDetails],
      ['detailed-error-code', e.detailedErrorCode],
      ['localization-key', e.localizationKey],
    ]),
    ...(params ? [params] : []),
    '</plcm-error>',
    '',
  ].join('\n');
}

import { StepFailure } from './context.js';
import type { ApiResponse, CallSpec, StepScope } from './step.js';

/**
 * Follows a listing to its last page. `next` reads the link to the following page (a body
 * field or a Link header); a link seen twice or more than `maxPages` pages stops the walk
 * with a precise failure instead of looping forever.
 */
export async function walkPages(
  step: StepScope,
  send: (spec: CallSpec) => Promise<ApiResponse>,
  first: CallSpec,
  next: (res: ApiResponse) => string | undefined,
  onPage: (res: ApiResponse, index: number) => void,
  maxPages = 1000,
): Promise<number> {
  const seen = new Set<string>([step.url(first)]);
  let spec: CallSpec | undefined = first;
  let pages = 0;
  while (spec) {
    const res = await send(spec);
    step.expect(res, 200);
    onPage(res, pages);
    pages++;
    const link = next(res);
    if (!link) break;
    const url = step.url({ path: link });
    if (seen.has(url))
      throw new StepFailure(`page ${pages} links back to a page already read: ${link}`, 'next');
    if (pages >= maxPages)
      throw new StepFailure(`more than ${maxPages} pages; stopped following ${link}`, 'next');
    seen.add(url);
    spec = { ...first, path: url, query: undefined };
  }
  return pages;
}

/** The `rel="next"` target of an RFC 8288 Link header. */
export function nextLink(header: string | undefined): string | undefined {
  if (!header) return undefined;
  for (const part of header.split(/,(?=\s*<)/)) {
    const m = /^\s*<([^>]*)>(.*)$/.exec(part);
    if (m && /;\s*rel="?([^";]*\s)?next(\s[^";]*)?"?\s*(;|$)/i.test(m[2] ?? '')) return m[1];
  }
  return undefined;
}

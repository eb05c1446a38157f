// The billing-sim dashboard: plain DOM over this simulator's /_sim admin API. No build step, no
// library; all text goes in through textContent, so request bodies cannot inject markup.
(() => {
  const TOKEN_KEY = 'billing-sim-admin-token';
  const $ = (id) => document.getElementById(id);
  const state = { selected: undefined, requests: [], timer: undefined, needsToken: false, shown: {} };

  /** True when `data` differs from what `key` shows: live refreshes leave an unchanged table alone. */
  function changed(key, data) {
    const text = JSON.stringify(data);
    if (state.shown[key] === text) return false;
    state.shown[key] = text;
    return true;
  }

  function el(tag, props, ...children) {
    const node = document.createElement(tag);
    for (const [k, v] of Object.entries(props ?? {})) {
      if (v === undefined) continue;
      if (k === 'class') node.className = v;
      else if (k.startsWith('on')) node.addEventListener(k.slice(2), v);
      else if (k === 'dataset') Object.assign(node.dataset, v);
      else node.setAttribute(k, v);
    }
    for (const c of children) if (c !== undefined && c !== null) node.append(c);
    return node;
  }

  class ApiError extends Error {
    constructor(message, status) {
      super(message);
      this.status = status;
    }
  }

  /** One admin call; a 401 asks for the admin token and is retried once it is given. */
  async function api(method, path, body) {
    const headers = {};
    const token = sessionStorage.getItem(TOKEN_KEY);
    if (token) headers['X-Sim-Admin-Token'] = token;
    if (body !== undefined) headers['Content-Type'] = 'application/json';
    const res = await fetch(`/_sim${path}`, {
      method,
      headers,
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await res.text();
    let data;
    try {
      data = text ? JSON.parse(text) : undefined;
    } catch {
      data = text;
    }
    if (res.status === 401) {
      askForToken(token ? 'wrong admin token' : '');
      throw new ApiError('the admin API needs the admin token', 401);
    }
    if (!res.ok) throw new ApiError(data?.error || `${res.status} ${res.statusText}`, res.status);
    return data;
  }

  function askForToken(message) {
    state.needsToken = true;
    $('token-form').hidden = false;
    $('token-error').textContent = message;
  }

  function show(errorId, e) {
    $(errorId).textContent = e ? (e.status === 401 ? '' : e.message) : '';
  }

  // --- simulators, credentials, version ---
  async function loadSimulators() {
    const data = await api('GET', '/simulators');
    $('vendor').textContent = data.current;
    document.title = `billing-sim · ${data.current}`;
    const nav = $('simulators');
    nav.replaceChildren();
    const box = $('credentials');
    box.replaceChildren();
    for (const sim of data.simulators) {
      // Same host the page was reached on, the simulator's own scheme and port.
      const href = `${sim.tls ? 'https' : 'http'}://${location.hostname}:${sim.port}/_sim/ui`;
      nav.append(el('a', { href, class: sim.name === data.current ? 'current' : '' }, sim.name));
      const lines = sim.banner.length ? el('pre', {}, sim.banner.join('\n')) : undefined;
      const curls = sim.curl.map((line) =>
        el(
          'div',
          { class: 'curl' },
          el('pre', {}, line),
          el('button', { class: 'small', onclick: (ev) => copy(line, ev.target) }, 'copy'),
        ),
      );
      box.append(el('h3', {}, sim.title), lines, ...curls);
    }
  }

  async function copy(text, button) {
    try {
      await navigator.clipboard.writeText(text);
      button.textContent = 'copied';
    } catch {
      // Clipboard access needs a secure context; select the text instead.
      const range = document.createRange();
      range.selectNodeContents(button.previousSibling);
      getSelection().removeAllRanges();
      getSelection().addRange(range);
      button.textContent = 'selected';
    }
  }

  async function loadVersion() {
    const v = await api('GET', '/version');
    $('version').textContent = `${v.name} ${v.version}`;
  }

  // --- clock ---
  async function loadClock() {
    const c = await api('GET', '/clock');
    $('clock-now').textContent = c.now;
    $('clock-mode').textContent = c.mode === 'scaled' ? `scaled ×${c.scale}` : c.mode;
  }

  async function advanceClock(body) {
    try {
      await api('POST', '/clock/advance', body);
      show('clock-error');
      await Promise.all([loadClock(), loadJobs()]);
    } catch (e) {
      show('clock-error', e);
    }
  }

  // --- jobs ---
  async function loadJobs() {
    const data = await api('GET', '/jobs');
    if (!changed('jobs', data.jobs)) return;
    const tbody = $('jobs');
    tbody.replaceChildren();
    $('jobs-empty').hidden = data.jobs.length > 0;
    for (const job of data.jobs) {
      const action = (to, label) =>
        el('button', { dataset: { action: to }, onclick: () => commandJob(job.id, to) }, label);
      const buttons = job.terminal
        ? []
        : [action('next', 'Advance'), action('complete', 'Complete'), action('fail', 'Fail')];
      tbody.append(
        el(
          'tr',
          { dataset: { jobId: job.id, state: job.state } },
          el('td', {}, job.id),
          el('td', {}, job.kind),
          el('td', {}, job.tenant ?? ''),
          el('td', { class: 'job-state' }, job.failed ? `${job.state} (failed)` : job.state),
          el('td', {}, `${job.processedUnits}/${job.totalUnits}`),
          el('td', {}, String(job.polls)),
          el('td', {}, ...buttons),
        ),
      );
    }
  }

  async function commandJob(id, to) {
    try {
      await api('POST', `/jobs/${encodeURIComponent(id)}/advance`, { to });
      show('jobs-error');
    } catch (e) {
      show('jobs-error', e);
    }
    await loadJobs();
  }

  // --- requests ---
  function currentMatch() {
    const match = {};
    const path = $('filter-path').value.trim();
    const tenant = $('filter-tenant').value.trim();
    const status = $('filter-status').value.trim();
    if (path) match.path = path;
    if (tenant) match.tenant = tenant;
    if (status) match.status = Number(status);
    return match;
  }

  async function loadRequests() {
    try {
      const data = await api('POST', '/requests/find', { match: currentMatch(), limit: 200 });
      state.requests = data.requests;
      show('requests-error');
    } catch (e) {
      show('requests-error', e);
      return;
    }
    if (!changed('requests', state.requests)) return;
    const tbody = $('requests');
    tbody.replaceChildren();
    $('requests-count').textContent = `${state.requests.length} shown`;
    for (const r of [...state.requests].reverse()) {
      const time = r.at.slice(11, 23);
      tbody.append(
        el(
          'tr',
          {
            class: r.seq === state.selected ? 'selected' : '',
            dataset: { seq: String(r.seq), status: String(r.status) },
            onclick: () => select(r.seq),
          },
          el('td', {}, String(r.seq)),
          el('td', { title: r.at }, time),
          el('td', {}, r.method),
          el('td', {}, r.query ? `${r.path}?${r.query}` : r.path),
          el('td', { class: `status-${String(r.status)[0]}` }, r.status === 0 ? 'dropped' : String(r.status)),
          el('td', {}, String(r.durationMs)),
          el('td', { class: 'fault' }, r.fault ?? ''),
          el('td', {}, r.tenant ?? ''),
        ),
      );
    }
    if (state.selected !== undefined) renderDetail();
  }

  function select(seq) {
    state.selected = seq;
    for (const tr of $('requests').children) tr.classList.toggle('selected', tr.dataset.seq === String(seq));
    renderDetail();
  }

  function headerText(headers) {
    return Object.entries(headers)
      .map(([k, v]) => `${k}: ${v}`)
      .join('\n');
  }

  function bodyText(message) {
    if (message.body === undefined)
      return message.bodyBytes ? `(${message.bodyBytes} bytes, not kept)` : '(no body)';
    let text = message.body;
    try {
      text = JSON.stringify(JSON.parse(text), null, 2);
    } catch {
      // Not JSON (or cut): shown as it is.
    }
    return message.bodyTruncated ? `${text}\n… (${message.bodyBytes} bytes in all)` : text;
  }

  function renderDetail() {
    const r = state.requests.find((x) => x.seq === state.selected);
    const box = $('request-detail');
    if (!r) return;
    box.classList.remove('muted');
    box.replaceChildren(
      el(
        'h3',
        {},
        `#${r.seq} ${r.method} ${r.path}${r.query ? `?${r.query}` : ''} → ${r.status || 'dropped'}`,
      ),
      el(
        'p',
        { class: 'muted' },
        `${r.at} · ${r.durationMs} ms · tenant ${r.tenant ?? '–'} · fault ${r.fault ?? '–'}`,
      ),
      el('h4', {}, 'Request headers'),
      el('pre', { id: 'detail-request-headers' }, headerText(r.request.headers)),
      el('h4', {}, 'Request body'),
      el('pre', { id: 'detail-request-body' }, bodyText(r.request)),
      el('h4', {}, 'Response headers'),
      el('pre', { id: 'detail-response-headers' }, headerText(r.response.headers)),
      el('h4', {}, 'Response body'),
      el('pre', { id: 'detail-response-body' }, bodyText(r.response)),
    );
  }

  async function downloadHar(ev) {
    const token = sessionStorage.getItem(TOKEN_KEY);
    // Without a token the link downloads by itself; with one, the header has to be sent.
    if (!token) return;
    ev.preventDefault();
    const headers = { 'X-Sim-Admin-Token': token };
    const res = await fetch('/_sim/requests?format=har', { headers });
    if (res.status === 401) return askForToken('');
    const url = URL.createObjectURL(await res.blob());
    const a = el('a', { href: url, download: `${$('vendor').textContent || 'billing-sim'}-requests.har` });
    document.body.append(a);
    a.click();
    a.remove();
    URL.revokeObjectURL(url);
  }

  // --- faults ---
  function describeRule(rule) {
    const m = rule.match ?? {};
    const what = [m.method, m.path, m.tenant && `tenant ${m.tenant}`, m.header && `header ${m.header.name}`]
      .filter(Boolean)
      .join(' ');
    const e = rule.effect;
    const effect = [
      e.status,
      e.drop && 'drop',
      e.delayMs !== undefined && `delay ${e.delayMs} ms`,
      e.truncateBytes !== undefined && `truncate ${e.truncateBytes}`,
    ]
      .filter(Boolean)
      .join(', ');
    const limits =
      rule.times !== undefined ? `, ${rule.applied}/${rule.times} times` : `, applied ${rule.applied}`;
    return `${rule.id}: ${what || 'every request'} → ${effect}${limits}`;
  }

  async function loadFaults() {
    const data = await api('GET', '/faults');
    if (!changed('faults', data.faults)) return;
    const list = $('faults');
    list.replaceChildren();
    for (const rule of data.faults) {
      list.append(
        el(
          'li',
          { dataset: { faultId: rule.id } },
          describeRule(rule),
          ' ',
          el('button', { class: 'small', onclick: () => removeFault(rule.id) }, 'remove'),
        ),
      );
    }
    if (data.faults.length === 0)
      list.append(el('li', { class: 'muted' }, 'No fault rules: requests are answered normally.'));
  }

  async function addFault() {
    let rule;
    try {
      rule = JSON.parse($('fault-input').value);
    } catch (e) {
      $('fault-error').textContent = `not JSON: ${e.message}`;
      return;
    }
    try {
      await api('POST', '/faults', rule);
      show('fault-error');
    } catch (e) {
      show('fault-error', e);
    }
    await loadFaults();
  }

  async function removeFault(id) {
    try {
      await api('DELETE', `/faults/${encodeURIComponent(id)}`);
    } catch (e) {
      show('fault-error', e);
    }
    await loadFaults();
  }

  // --- wiring ---
  async function refreshAll() {
    const parts = [loadSimulators, loadVersion, loadClock, loadJobs, loadFaults, loadRequests];
    await Promise.all(parts.map((load) => load().catch(() => undefined)));
  }

  function live() {
    clearInterval(state.timer);
    if (!$('live').checked) return;
    state.timer = setInterval(() => {
      if (state.needsToken || document.hidden) return;
      Promise.all([loadRequests(), loadJobs(), loadClock(), loadFaults()]).catch(() => undefined);
    }, 2000);
  }

  document.addEventListener('DOMContentLoaded', () => {
    $('token-form').addEventListener('submit', (ev) => {
      ev.preventDefault();
      sessionStorage.setItem(TOKEN_KEY, $('token-input').value);
      state.needsToken = false;
      $('token-form').hidden = true;
      refreshAll();
    });
    for (const b of document.querySelectorAll('[data-advance]'))
      b.addEventListener('click', () => advanceClock({ seconds: Number(b.dataset.advance) }));
    $('clock-set').addEventListener('click', () => advanceClock({ to: $('clock-to').value.trim() }));
    $('jobs-refresh').addEventListener('click', () => loadJobs().catch((e) => show('jobs-error', e)));
    $('fault-add').addEventListener('click', addFault);
    $('faults-clear').addEventListener('click', async () => {
      await api('DELETE', '/faults').catch((e) => show('fault-error', e));
      await loadFaults();
    });
    $('requests-clear').addEventListener('click', async () => {
      await api('DELETE', '/requests').catch((e) => show('requests-error', e));
      state.selected = undefined;
      await loadRequests();
    });
    for (const id of ['filter-path', 'filter-tenant', 'filter-status'])
      $(id).addEventListener('change', loadRequests);
    $('live').addEventListener('change', live);
    $('har').addEventListener('click', downloadHar);
    refreshAll();
    live();
  });
})();

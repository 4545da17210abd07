// Triage web chat. Plain ES2020, no framework, no build step; runs under a CSP without inline script or style.
//
// Trust rule: everything the user pasted and everything a probe read off the network is untrusted and only ever
// reaches the page through textContent / setAttribute. The one exception is a fix step's `steps_html`, which the
// server sanitises; even that is parsed inertly and filtered against an allow-list before it is inserted.
'use strict';

(() => {
  /** Probe steps in ladder order; `policy` is shown as a line above the ladder, not as a rung. */
  const LADDER = [
    ['dns', 'DNS'],
    ['tcp', 'TCP connect'],
    ['rdp', 'RDP negotiation'],
    ['tls', 'TLS'],
    ['certificate', 'Certificate'],
    ['ntlm', 'NTLM'],
  ];
  const NEUTRAL = new Set(['SKIPPED', 'NOT_OFFERED']);
  const MAX_CAUSES = 3;

  const state = {
    caseId: null,
    busy: false,
    events: null, // the open EventSource, while a probe run is watched
  };

  let thread;
  let paste;
  let sendButton;
  let errorBox;
  let statusBox;

  // ---------------------------------------------------------------------------------------------- DOM helpers

  /** Creates an element; attrs are set with setAttribute, children are nodes or strings (as text). */
  function h(tag, attrs, ...children) {
    const node = document.createElement(tag);
    for (const [name, value] of Object.entries(attrs || {})) {
      if (value === null || value === undefined || value === false) continue;
      node.setAttribute(name, value === true ? '' : String(value));
    }
    for (const child of children.flat()) {
      if (child === null || child === undefined || child === false) continue;
      node.append(child instanceof Node ? child : document.createTextNode(String(child)));
    }
    return node;
  }

  function text(value) {
    return value === null || value === undefined ? '' : String(value);
  }

  function visuallyHidden(value) {
    return h('span', { class: 'vh' }, value);
  }

  // ------------------------------------------------------------------- sanitising the server's steps_html

  const ALLOWED_TAGS = new Set(['P', 'CODE', 'PRE', 'STRONG', 'EM', 'B', 'I', 'A', 'UL', 'OL', 'LI', 'BR', 'KBD',
    'SPAN', 'BLOCKQUOTE', 'H4', 'H5', 'H6', 'HR', 'DEL', 'SUP', 'SUB', 'TABLE', 'THEAD', 'TBODY', 'TR', 'TH', 'TD']);
  const DROPPED_TAGS = new Set(['SCRIPT', 'STYLE', 'IFRAME', 'OBJECT', 'EMBED', 'TEMPLATE', 'NOSCRIPT', 'IMG',
    'svg', 'math', 'LINK', 'META', 'BASE', 'FORM', 'INPUT', 'BUTTON', 'TEXTAREA', 'SELECT', 'VIDEO', 'AUDIO']);

  function safeHref(value) {
    try {
      const url = new URL(value, window.location.href);
      return url.protocol === 'http:' || url.protocol === 'https:' || url.protocol === 'mailto:';
    } catch (e) {
      return false;
    }
  }

  /** Parses HTML in an inert template (nothing loads, nothing runs) and keeps only harmless markup. */
  function trustedFragment(html) {
    const template = document.createElement('template');
    template.innerHTML = text(html);
    scrub(template.content);
    return template.content;
  }

  function scrub(parent) {
    for (const child of Array.from(parent.childNodes)) {
      if (child.nodeType === Node.TEXT_NODE) continue;
      if (child.nodeType !== Node.ELEMENT_NODE) {
        child.remove();
        continue;
      }
      if (DROPPED_TAGS.has(child.tagName) || DROPPED_TAGS.has(child.tagName.toUpperCase())) {
        child.remove();
        continue;
      }
      scrub(child);
      if (!ALLOWED_TAGS.has(child.tagName)) {
        child.replaceWith(...Array.from(child.childNodes));
        continue;
      }
      for (const attr of Array.from(child.attributes)) {
        const keep = attr.name === 'title' || (attr.name === 'href' && child.tagName === 'A' && safeHref(attr.value));
        if (!keep) child.removeAttribute(attr.name);
      }
      if (child.tagName === 'A') {
        child.setAttribute('rel', 'noopener noreferrer');
        child.setAttribute('target', '_blank');
      }
    }
  }

  // ------------------------------------------------------------------------------------------ the API

  class ApiError extends Error {
    constructor(status, message) {
      super(message);
      this.status = status;
    }
  }

  function describeError(status, serverMessage) {
    const said = typeof serverMessage === 'string' ? serverMessage.trim() : '';
    switch (status) {
      case 400: return said || 'Triage did not understand that request.';
      case 404: return said || 'Triage could not find that.';
      case 409: return (said || 'This case is full.') + ' Use "New case" to start another.';
      case 413: return 'That is too much text to send at once. ' + (said || 'Shorten the paste and try again.');
      case 422: return said || 'Triage could not use that text.';
      case 429: return 'Too many requests just now. ' + (said || 'Wait a moment, then send again.');
      case 502: return said || 'The ticket system failed; the case is unchanged.';
      default: return `Triage failed to answer (HTTP ${status}).` + (said ? ' ' + said : '');
    }
  }

  async function api(method, path, body) {
    const init = { method, headers: { Accept: 'application/json' }, credentials: 'same-origin' };
    if (body !== undefined) {
      init.headers['Content-Type'] = 'application/json';
      init.body = JSON.stringify(body);
    }
    let response;
    try {
      response = await fetch(path, init);
    } catch (e) {
      throw new ApiError(0, 'Cannot reach Triage. Check your connection (or that the server is running) and try again.');
    }
    let data = null;
    try {
      data = await response.json();
    } catch (e) {
      data = null;
    }
    if (!response.ok) {
      throw new ApiError(response.status, describeError(response.status, data && data.error));
    }
    return data;
  }

  function casePath(suffix) {
    return `/api/cases/${encodeURIComponent(state.caseId)}${suffix}`;
  }

  // ----------------------------------------------------------------------------------- status and errors

  function showError(message, status) {
    errorBox.textContent = message;
    errorBox.setAttribute('data-status', String(status || 0));
    errorBox.hidden = false;
  }

  function clearError() {
    errorBox.textContent = '';
    errorBox.removeAttribute('data-status');
    errorBox.hidden = true;
  }

  function setBusy(busy, message) {
    state.busy = busy;
    sendButton.disabled = busy;
    statusBox.textContent = message || '';
    document.body.classList.toggle('busy', busy);
  }

  function showCase(reply) {
    if (!reply || !reply.case) return;
    state.caseId = reply.case;
    document.getElementById('case-id').textContent = reply.case;
    const links = reply.links || {};
    const page = isLocalPath(links.page) ? links.page : `/cases/${encodeURIComponent(reply.case)}`;
    const markdown = isLocalPath(links.markdown) ? links.markdown : `${page}.md`;
    document.getElementById('case-link').setAttribute('href', page);
    document.getElementById('case-md').setAttribute('href', markdown);
    document.getElementById('case-bar').hidden = false;
    document.getElementById('new-case').hidden = false;
  }

  function isLocalPath(value) {
    return typeof value === 'string' && value.startsWith('/') && !value.startsWith('//');
  }

  // ------------------------------------------------------------------------------------------ messages

  function appendMessage(node, block) {
    thread.append(node);
    node.scrollIntoView({ block: block || 'nearest' });
    return node;
  }

  function userMessage(value) {
    return appendMessage(h('li', { class: 'msg user' },
      h('p', { class: 'who' }, 'You'),
      h('pre', { class: 'user-text' }, value)));
  }

  function botMessage() {
    return appendMessage(h('li', { class: 'msg bot' }, h('p', { class: 'who' }, 'Triage')), 'start');
  }

  /** Disables the buttons of questions that a newer reply has superseded. */
  function retireQuestions() {
    for (const button of thread.querySelectorAll('.question button')) {
      button.disabled = true;
    }
    for (const question of thread.querySelectorAll('.question')) {
      question.classList.add('answered');
    }
  }

  // ------------------------------------------------------------------------------------ rendering a reply

  /** Replaces the body of a bot message with the rendering of one reply object. */
  function renderReply(message, reply, options) {
    const opts = options || {};
    message.replaceChildren(h('p', { class: 'who' }, 'Triage'));
    message.setAttribute('data-case', text(reply.case));
    message.setAttribute('data-probing', reply.probing ? 'true' : 'false');
    if (opts.rerank) {
      message.setAttribute('data-reranked', 'true');
      message.append(h('p', { class: 'line rerank' },
        `I checked ${text(reply.host) || 'the host'}; here is the diagnosis with what the probes found.`));
    }
    if (reply.message) message.append(h('p', { class: 'line' }, reply.message));
    renderNotices(message, reply.notices);
    renderCodes(message, reply.codes);
    if (reply.probing || (Array.isArray(reply.probes) && reply.probes.length > 0)) {
      message.append(renderLadder(reply));
    }
    renderCauses(message, reply.causes);
    renderFixes(message, reply);
    renderQuestion(message, reply.questions);
    if (!reply.message && empty(reply.causes) && empty(reply.questions) && empty(reply.codes)) {
      message.append(h('p', { class: 'line' },
        'I could not find anything to go on yet. Paste the full error dialog or the error codes.'));
    }
  }

  function empty(list) {
    return !Array.isArray(list) || list.length === 0;
  }

  function renderNotices(message, notices) {
    if (empty(notices)) return;
    message.append(h('ul', { class: 'notices' }, notices.map((n) => h('li', { class: 'notice' }, n))));
  }

  function renderCodes(message, codes) {
    if (empty(codes)) return;
    const items = codes.map((c) => h('li', { class: 'code', 'data-code': c.code, 'data-known': c.known ? 'true' : 'false' },
      h('code', {}, c.code), ' ',
      c.known ? h('strong', {}, text(c.name)) : h('strong', {}, 'not a code I know'),
      c.kind ? h('span', { class: 'kind' }, ` (${text(c.kind).replace(/[-_]/g, ' ')})`) : null,
      c.known && c.meaning ? [': ', text(c.meaning)] : null));
    message.append(h('section', { class: 'codes', 'aria-label': 'Decoded codes' },
      h('h3', {}, 'What the codes mean'), h('ul', {}, items)));
  }

  function percent(confidence) {
    const n = Number(confidence);
    return Number.isFinite(n) ? Math.round(Math.max(0, Math.min(1, n)) * 100) : 0;
  }

  function renderCauses(message, causes) {
    if (empty(causes)) return;
    const shown = causes.slice(0, MAX_CAUSES);
    const items = shown.map((c, i) => {
      const pct = percent(c.confidence);
      const evidence = Array.isArray(c.evidence) ? c.evidence : [];
      return h('li', { class: 'cause', 'data-cause': c.id, 'data-rank': i + 1, 'data-confidence': pct },
        h('div', { class: 'cause-head' },
          h('span', { class: 'cause-title' }, text(c.title)),
          h('span', { class: 'confidence' }, `${pct}%`)),
        h('meter', { class: 'confidence-bar', min: 0, max: 100, value: pct, 'aria-label': `Confidence ${pct}%` }),
        evidence.length === 0 ? null : h('ul', { class: 'evidence', 'aria-label': 'Evidence' },
          evidence.map((e) => h('li', { class: Number(e.weight) < 0 ? 'against' : 'for', 'data-rule': e.rule },
            Number(e.weight) < 0 ? h('span', { class: 'against-label' }, 'against: ') : null,
            text(e.text)))));
    });
    message.append(h('section', { class: 'causes', 'aria-label': 'Likely causes' },
      h('h3', {}, shown.length === 1 ? 'Likely cause' : 'Likely causes'), h('ol', {}, items)));
  }

  function renderFixes(message, reply) {
    const causes = Array.isArray(reply.causes) ? reply.causes : [];
    const fixes = Array.isArray(reply.fixes) ? reply.fixes : [];
    if (fixes.length === 0) return;
    const lead = causes.length > 0 ? causes[0].id : fixes[0].cause;
    const ours = fixes.filter((f) => f.cause === lead);
    if (ours.length === 0) return;
    const leadTitle = causes.length > 0 ? text(causes[0].title) : '';
    const section = h('section', { class: 'fixes', 'data-cause': lead, 'aria-label': 'Fixes' },
      h('h3', {}, leadTitle ? `What to try for: ${leadTitle}` : 'What to try'));
    for (const fix of ours) {
      const steps = Array.isArray(fix.steps) ? fix.steps : [];
      const html = Array.isArray(fix.steps_html) ? fix.steps_html : [];
      const stats = Array.isArray(fix.stats) ? fix.stats : [];
      const count = Math.max(steps.length, html.length);
      const list = h('ol', { class: 'fix-steps', 'data-article': fix.article });
      for (let i = 0; i < count; i++) {
        list.append(renderFixStep(fix.article, i, html[i], steps[i], stats[i]));
      }
      section.append(list);
    }
    message.append(section);
  }

  function renderFixStep(article, index, html, markdown, stats) {
    const body = h('div', { class: 'step-body' });
    // The server renders and sanitises the Markdown; its source is shown as plain text only if no HTML came.
    body.append(typeof html === 'string' ? trustedFragment(html) : h('p', {}, text(markdown)));
    addCopyButtons(body);
    const statsLine = h('span', { class: 'stats', 'aria-live': 'polite' });
    showStats(statsLine, stats);
    const yes = h('button', { type: 'button', 'data-worked': 'true' }, 'Yes');
    const no = h('button', { type: 'button', 'data-worked': 'false' }, 'No');
    const question = `Did step ${index + 1} fix it?`;
    const feedback = h('div', { class: 'feedback', role: 'group', 'aria-label': question },
      h('span', { class: 'feedback-q' }, 'Did this fix it?'), ' ', yes, ' ', no, ' ', statsLine);
    for (const button of [yes, no]) {
      button.addEventListener('click', () => sendFeedback(article, index, button, [yes, no], statsLine));
    }
    return h('li', { class: 'fix-step', 'data-article': article, 'data-step': index }, body, feedback);
  }

  function showStats(node, stats) {
    const worked = stats ? Number(stats.worked) : NaN;
    const tried = stats ? Number(stats.tried) : NaN;
    if (!Number.isFinite(worked) || !Number.isFinite(tried) || tried <= 0) {
      node.textContent = '';
      return;
    }
    node.setAttribute('data-worked', String(worked));
    node.setAttribute('data-tried', String(tried));
    node.textContent = `This step worked ${worked} of ${tried} ${tried === 1 ? 'time' : 'times'} it was tried.`;
  }

  async function sendFeedback(article, index, button, buttons, statsLine) {
    if (!state.caseId) return;
    const worked = button.getAttribute('data-worked') === 'true';
    buttons.forEach((b) => { b.disabled = true; });
    try {
      const stats = await api('POST', casePath('/feedback'), { article, step: index, worked });
      button.setAttribute('aria-pressed', 'true');
      button.closest('.feedback').setAttribute('data-answered', worked ? 'yes' : 'no');
      showStats(statsLine, stats);
      clearError();
    } catch (e) {
      buttons.forEach((b) => { b.disabled = false; });
      showError(e.message, e.status);
    }
  }

  // ---------------------------------------------------------------------------------------- copy buttons

  function addCopyButtons(root) {
    const targets = [...root.querySelectorAll('pre'), ...Array.from(root.querySelectorAll('code'))
      .filter((c) => !c.closest('pre'))];
    for (const target of targets) {
      const command = target.textContent;
      if (!command.trim()) continue;
      const button = h('button', { type: 'button', class: 'copy', 'aria-label': `Copy: ${command.trim().slice(0, 80)}` },
        'Copy');
      button.addEventListener('click', () => copy(command, button));
      if (target.tagName === 'PRE') {
        const wrap = h('div', { class: 'command' });
        target.replaceWith(wrap);
        wrap.append(target, button);
      } else {
        target.after(button);
      }
    }
  }

  async function copy(value, button) {
    let ok = false;
    if (navigator.clipboard && window.isSecureContext) {
      try {
        await navigator.clipboard.writeText(value);
        ok = true;
      } catch (e) {
        ok = false;
      }
    }
    if (!ok) ok = copyWithSelection(value);
    button.textContent = ok ? 'Copied' : 'Select and copy';
    button.setAttribute('data-copied', ok ? 'true' : 'false');
    window.setTimeout(() => {
      button.textContent = 'Copy';
      button.removeAttribute('data-copied');
    }, 2000);
  }

  /** The pre-Clipboard-API way: select a hidden textarea and ask the browser to copy it. */
  function copyWithSelection(value) {
    const area = h('textarea', { class: 'copy-buffer', readonly: true, 'aria-hidden': 'true', tabindex: '-1' });
    area.value = value;
    document.body.append(area);
    const focused = document.activeElement;
    area.select();
    let ok = false;
    try {
      ok = document.execCommand('copy');
    } catch (e) {
      ok = false;
    }
    area.remove();
    if (focused && typeof focused.focus === 'function') focused.focus();
    return ok;
  }

  // ------------------------------------------------------------------------------------------- questions

  function renderQuestion(message, questions) {
    if (empty(questions)) {
      document.getElementById('paste-label').textContent = 'Paste more of the error, or tell Triage what changed';
      return;
    }
    const q = questions[0];
    const options = Array.isArray(q.options) ? q.options : [];
    const promptId = `q-${q.id}-${Date.now()}`;
    const box = h('div', { class: 'question', 'data-question': q.id, role: 'group', 'aria-labelledby': promptId },
      h('p', { class: 'q-text', id: promptId }, text(q.text)));
    if (options.length > 0) {
      const row = h('div', { class: 'options' });
      options.forEach((o, i) => {
        const button = h('button', { type: 'button', class: 'option', 'data-value': o.value },
          h('span', { class: 'num', 'aria-hidden': 'true' }, `${i + 1}.`), ' ', text(o.label));
        button.addEventListener('click', () => answer(q.id, o.value, text(o.label)));
        row.append(button);
      });
      box.append(row, h('p', { class: 'hint' }, 'Click an answer, or type it (or its number) in the box below.'));
    } else {
      box.append(h('p', { class: 'hint' }, 'Type your answer in the box below.'));
    }
    message.append(box);
    const label = document.getElementById('paste-label');
    label.textContent = options.length > 0 ? 'Type an answer, or paste more of the error'
      : `Your answer: ${text(q.text)}`;
  }

  async function answer(questionId, value, label) {
    if (state.busy || !state.caseId) return;
    await converse(label, { answer: { [questionId]: value } }, { focusQuestion: true });
  }

  // ---------------------------------------------------------------------------------------- probe ladder

  function stepLabel(name) {
    const known = LADDER.find(([id]) => id === name);
    return known ? known[1] : text(name).toUpperCase();
  }

  function renderLadder(reply) {
    const live = Boolean(reply.probing);
    const host = text(reply.host);
    const ladder = h('section', { class: 'ladder', 'data-live': live ? 'true' : 'false', 'aria-label': 'Probe results' },
      h('h3', { class: 'ladder-title' }, live ? `Checking ${host || 'the host'}…` : `What I found on ${host || 'the host'}`),
      h('p', { class: 'policy', 'data-step': 'policy', hidden: true }),
      h('ol', { class: 'rungs' }, LADDER.map(([name, label]) => h('li', { class: 'rung', 'data-step': name, 'data-state': 'pending' },
        h('span', { class: 'mark', 'aria-hidden': 'true' }, '·'),
        h('span', { class: 'state-text vh' }, 'waiting'),
        h('span', { class: 'label' }, label),
        h('span', { class: 'ms' }),
        h('span', { class: 'summary' })))));
    for (const probe of Array.isArray(reply.probes) ? reply.probes : []) {
      applyStep(ladder, Object.assign({ phase: 'done' }, probe));
    }
    return ladder;
  }

  function rungFor(ladder, name) {
    if (name === 'policy') return ladder.querySelector('.policy');
    let rung = ladder.querySelector(`.rung[data-step="${CSS.escape(name)}"]`);
    if (!rung) {
      rung = h('li', { class: 'rung', 'data-step': name, 'data-state': 'pending' },
        h('span', { class: 'mark', 'aria-hidden': 'true' }, '·'), h('span', { class: 'state-text vh' }, 'waiting'),
        h('span', { class: 'label' }, stepLabel(name)), h('span', { class: 'ms' }), h('span', { class: 'summary' }));
      ladder.querySelector('.rungs').append(rung);
    }
    return rung;
  }

  /** Applies one `step` event (or one entry of a reply's probes[]) to a ladder. */
  function applyStep(ladder, step) {
    if (!step || typeof step.name !== 'string') return;
    const node = rungFor(ladder, step.name);
    if (step.name === 'policy') {
      if (step.phase !== 'done') return;
      node.hidden = false;
      node.setAttribute('data-status', text(step.status));
      node.setAttribute('data-ok', step.ok ? 'true' : 'false');
      node.className = `policy ${step.ok ? 'pass' : 'fail'}`;
      node.textContent = `Probe policy: ${text(step.status).toLowerCase()}${step.summary ? ' (' + text(step.summary) + ')' : ''}`;
      return;
    }
    const mark = node.querySelector('.mark');
    const stateText = node.querySelector('.state-text');
    if (step.phase === 'started') {
      if (node.getAttribute('data-state') === 'done') return;
      node.setAttribute('data-state', 'running');
      mark.textContent = '…';
      stateText.textContent = 'running';
      return;
    }
    const status = text(step.status);
    const neutral = NEUTRAL.has(status);
    node.setAttribute('data-state', 'done');
    node.setAttribute('data-status', status);
    node.setAttribute('data-ok', neutral ? 'skipped' : (step.ok ? 'true' : 'false'));
    mark.textContent = neutral ? '–' : (step.ok ? '✓' : '✗');
    stateText.textContent = neutral ? 'not checked' : (step.ok ? 'passed' : 'failed');
    const ms = Number(step.elapsed_ms);
    node.querySelector('.ms').textContent = Number.isFinite(ms) && !neutral ? `${ms} ms` : '';
    node.querySelector('.summary').textContent = text(step.summary) || status;
    renderDetails(node, neutral ? null : step.details);
  }

  function renderDetails(rung, details) {
    const old = rung.querySelector('details');
    if (old) old.remove();
    if (!details || typeof details !== 'object') return;
    const entries = Object.entries(details);
    if (entries.length === 0) return;
    rung.append(h('details', { class: 'probe-details' }, h('summary', {}, 'Details'),
      h('dl', {}, entries.map(([k, v]) => [h('dt', {}, k), h('dd', {}, text(v))]))));
  }

  // -------------------------------------------------------------------------------- watching a probe run

  /** Closes the event stream; live ladders outside {@code keep} are marked as superseded. */
  function stopWatching(keep) {
    if (state.events) {
      state.events.close();
      state.events = null;
    }
    // A ladder still marked live belongs to a run nobody follows any more (a newer turn started another).
    for (const ladder of thread.querySelectorAll('.ladder[data-live="true"]')) {
      if (keep && keep.contains(ladder)) continue;
      ladder.setAttribute('data-live', 'false');
      ladder.querySelector('.ladder-title').textContent = 'Check superseded by a newer one (below).';
    }
  }

  /** Follows the case's event stream until the probe run is over, updating `message` in place. */
  function watchProbes(message) {
    stopWatching(message);
    const caseId = state.caseId;
    const source = new EventSource(casePath('/events'));
    state.events = source;
    let replied = false;
    const ladderOf = () => message.querySelector('.ladder') || message.appendChild(renderLadder({ probing: true }));
    const finish = async () => {
      if (state.events !== source) return;
      stopWatching(message);
      if (!replied) await refreshFromCase(caseId, message);
      if (statusBox.textContent === 'Checking the host…') statusBox.textContent = '';
    };
    source.addEventListener('step', (event) => {
      const step = parse(event.data);
      if (step) applyStep(ladderOf(), step);
    });
    source.addEventListener('reply', (event) => {
      const reply = parse(event.data);
      if (!reply) return;
      replied = true;
      retireQuestions();
      renderReply(message, reply, { rerank: true });
      showCase(reply);
      announce(reply);
      if (!reply.probing) finish();
    });
    source.addEventListener('idle', () => finish());
    source.addEventListener('error', (event) => {
      // The server names an 'error' event itself when the case is gone; a network error carries no data.
      const refusal = event.data ? parse(event.data) : null;
      if (refusal) {
        stopWatching(message);
        showError(text(refusal.error) || 'Triage cannot follow this case.', 0);
      } else if (source.readyState === EventSource.CLOSED) {
        finish();
      }
    });
    statusBox.textContent = 'Checking the host…';
  }

  /** When the stream ended without a reply (the run finished before we connected), reads the case instead. */
  async function refreshFromCase(caseId, message) {
    if (caseId !== state.caseId) return;
    try {
      const reply = await api('GET', casePath(''));
      if (reply && !reply.probing) {
        retireQuestions();
        renderReply(message, reply, { rerank: true });
        announce(reply);
      }
    } catch (e) {
      showError(e.message, e.status);
    }
  }

  function parse(data) {
    try {
      return JSON.parse(data);
    } catch (e) {
      return null;
    }
  }

  function announce(reply) {
    const lead = Array.isArray(reply.causes) && reply.causes[0];
    statusBox.textContent = lead ? `Most likely: ${text(lead.title)} (${percent(lead.confidence)}%)` : 'Triage replied.';
  }

  // ------------------------------------------------------------------------------------------ sending

  /** One turn: shows what the user said, posts it, renders the reply (and follows probes if any run). */
  async function converse(shown, body, options) {
    const opts = options || {};
    clearError();
    const bubble = userMessage(shown);
    setBusy(true, 'Triage is thinking…');
    let reply;
    try {
      reply = state.caseId ? await api('POST', casePath('/messages'), body) : await api('POST', '/api/cases', body);
    } catch (e) {
      bubble.classList.add('failed');
      bubble.append(h('p', { class: 'failed-note' }, 'Not sent.'));
      if (e.status === 404 && state.caseId) {
        state.caseId = null;
        showError(`${e.message} Send again to start a new case.`, e.status);
      } else {
        showError(e.message, e.status);
      }
      setBusy(false);
      return false;
    }
    retireQuestions();
    showCase(reply);
    const message = botMessage();
    renderReply(message, reply || {});
    setBusy(false);
    announce(reply || {});
    if (reply && reply.probing) watchProbes(message);
    const firstOption = message.querySelector('.question button');
    if (opts.focusQuestion) (firstOption || paste).focus();
    return true;
  }

  async function submit() {
    if (state.busy) return;
    const value = paste.value;
    if (!value.trim()) {
      showError(state.caseId ? 'Type an answer or paste more details first.' : 'Paste an error message first.', 0);
      paste.focus();
      return;
    }
    const sent = await converse(value, { text: value });
    if (sent) paste.value = '';
  }

  // ---------------------------------------------------------------------------------------- ticket button

  /** Adds "Send to ticket" to the case bar when the server has ticket systems configured. */
  async function setUpTickets() {
    let targets = [];
    try {
      const data = await api('GET', '/api/tickets/targets');
      targets = data && Array.isArray(data.targets) ? data.targets.map(text) : [];
    } catch (e) {
      return; // no button; the rest of the chat works as before
    }
    if (targets.length === 0) return;
    const choice = targets.length === 1 ? null
      : h('select', { id: 'ticket-to', 'aria-label': 'Ticket system' },
        targets.map((t) => h('option', { value: t }, t)));
    const key = h('input', { id: 'ticket-key', type: 'text', size: 12, maxlength: 64, placeholder: 'existing key',
      'aria-label': 'Existing ticket key (optional)' });
    const button = h('button', { type: 'button', id: 'ticket-send', class: 'secondary' },
      targets.length === 1 ? `Send to ${targets[0]}` : 'Send to ticket');
    const result = h('span', { id: 'ticket-result', 'aria-live': 'polite' });
    button.addEventListener('click', () => sendTicket(choice ? choice.value : targets[0], key, button, result));
    document.getElementById('case-bar').append(h('span', { class: 'ticket' }, choice, ' ', key, ' ', button, ' ',
      result));
  }

  async function sendTicket(to, keyInput, button, result) {
    if (!state.caseId) return;
    const body = { to };
    if (keyInput.value.trim()) body.key = keyInput.value.trim();
    button.disabled = true;
    result.replaceChildren('Sending…');
    try {
      const sent = await api('POST', casePath('/tickets'), body);
      const label = `${text(sent.to)} ${text(sent.key)}`;
      result.replaceChildren(sent.action === 'commented' ? 'Added to ' : 'Created ',
        safeHref(sent.url) && /^https?:/.test(text(sent.url))
          ? h('a', { href: sent.url, rel: 'noopener noreferrer', target: '_blank' }, label) : label);
      keyInput.value = '';
    } catch (e) {
      result.replaceChildren(e.message);
    } finally {
      button.disabled = false;
    }
  }

  function newCase() {
    stopWatching();
    state.caseId = null;
    thread.replaceChildren();
    clearError();
    setBusy(false);
    const ticketResult = document.getElementById('ticket-result');
    if (ticketResult) ticketResult.replaceChildren();
    document.getElementById('case-bar').hidden = true;
    document.getElementById('new-case').hidden = true;
    document.getElementById('paste-label').textContent = 'Paste the error, or type an answer';
    paste.value = '';
    paste.focus();
  }

  function start() {
    thread = document.getElementById('thread');
    paste = document.getElementById('paste');
    sendButton = document.getElementById('send');
    errorBox = document.getElementById('error');
    statusBox = document.getElementById('status');
    document.getElementById('composer').addEventListener('submit', (event) => {
      event.preventDefault();
      submit();
    });
    paste.addEventListener('keydown', (event) => {
      if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
        event.preventDefault();
        submit();
      }
    });
    document.getElementById('new-case').addEventListener('click', newCase);
    setUpTickets();
    window.addEventListener('pagehide', () => stopWatching());
    document.documentElement.setAttribute('data-ready', 'true');
  }

  if (document.readyState === 'loading') {
    document.addEventListener('DOMContentLoaded', start);
  } else {
    start();
  }
})();

// The review in a Teams meeting. Side panel: the server-rendered walk-through; each button posts the action with
// the SSO token and the panel comes back redrawn. Stage: the progress everyone sees, kept current by the server's
// event stream (read with fetch, since EventSource cannot send the token), reconnecting from the last version.
(function () {
  'use strict';
  var state = null;

  function headers(extra) {
    var h = { Authorization: 'Bearer ' + state.token };
    Object.keys(extra || {}).forEach(function (k) { h[k] = extra[k]; });
    return h;
  }

  function base() { return '/map/' + state.programId + '/meeting'; }

  function show(html) {
    state.root.innerHTML = html;
    if (state.frame === 'sidePanel') wirePanel();
  }

  async function fetchWithToken(url, options) {
    var init = function () {
      return Object.assign({ credentials: 'omit' }, options, { headers: headers(options && options.extra) });
    };
    var response = await fetch(url, init());
    if (response.status === 401 && state.refreshToken) {
      // A meeting outlasts an SSO token: ask Teams for a fresh one, once.
      try { state.token = await state.refreshToken(); } catch (e) { return response; }
      response = await fetch(url, init());
    }
    return response;
  }

  // keep: carry the notices of the person's own last action into the redrawn panel (a redraw for someone else's
  // change must not take away what their own retire said, nor its Undo). They are read when the redraw arrives,
  // since the person's own answer may land while it is on its way.
  async function loadPanel(keep) {
    var url = base() + '/panel' + (state.chatId ? '?chat=' + encodeURIComponent(state.chatId) : '');
    var response = await fetchWithToken(url);
    var html = await response.text();
    var kept = keep ? Array.prototype.map.call(state.root.querySelectorAll('.panel > .notice'), function (n) { return n.outerHTML; }) : [];
    if (kept.length) {
      var page = document.createElement('template');
      page.innerHTML = html;
      var panel = page.content.querySelector('.panel');
      var summary = page.content.querySelector('#panel-summary');
      if (panel && summary && !panel.querySelector(':scope > .notice')) {
        summary.insertAdjacentHTML('afterend', kept.join(''));
        html = page.innerHTML;
      }
    }
    show(html);
  }

  async function post(deed, body) {
    var payload = Object.assign({ chat: state.chatId || null }, body);
    var response = await fetchWithToken(base() + '/' + deed, {
      method: 'POST', body: JSON.stringify(payload), extra: { 'Content-Type': 'application/json' },
    });
    show(await response.text());
    var status = state.root.querySelector('[role=status]');
    if (status) { status.tabIndex = -1; status.focus(); }
  }

  function busy() {
    var active = document.activeElement;
    if (active && active.tagName === 'TEXTAREA') return true;
    return Array.prototype.some.call(state.root.querySelectorAll('textarea'),
      function (t) { return t.value.length > 0; });
  }

  function wirePanel() {
    state.root.querySelectorAll('button[data-act]').forEach(function (b) {
      b.addEventListener('click', function () {
        b.disabled = true;
        post(b.dataset.act, { touchpointId: b.dataset.touchpoint || null, version: b.dataset.version || null });
      });
    });
    state.root.querySelectorAll('form.propose').forEach(function (form) {
      form.addEventListener('submit', function (e) {
        e.preventDefault();
        post('propose', {
          touchpointId: form.dataset.touchpoint, version: form.dataset.version || null,
          text: form.querySelector('textarea').value,
        });
      });
    });
    state.root.querySelectorAll('button[data-share]').forEach(function (b) {
      b.addEventListener('click', function () {
        var url = location.origin + '/map/' + state.programId + '?inTeams=1';
        microsoftTeams.meeting.shareAppContentToStage(function (error) {
          var note = document.createElement('p');
          note.setAttribute('role', 'status');
          note.className = error ? 'notice problem' : 'notice';
          note.textContent = error
            ? 'Teams did not share the review to the stage: ' + (error.message || error.errorCode || error)
            : 'Shared to the stage: everyone in the meeting sees the progress.';
          b.insertAdjacentElement('afterend', note);
        }, url);
      });
    });
  }

  // Server-Sent Events over fetch: "id:", "event:" and "data:" lines, a blank line ends an event.
  async function stream(onEvent) {
    var delay = 500;
    for (;;) {
      try {
        var resume = state.version ? { 'Last-Event-ID': state.version } : {};
        var response = await fetchWithToken(base() + '/stream', { extra: resume });
        if (response.status === 404) {
          show('<h1>Review not found</h1><p>You are not part of this program.</p>');
          return;
        }
        if (!response.ok || !response.body) throw new Error('stream ' + response.status);
        delay = 500;
        var reader = response.body.getReader();
        var decoder = new TextDecoder();
        var buffer = '';
        var id = null, data = [];
        for (;;) {
          var chunk = await reader.read();
          if (chunk.done) break;
          buffer += decoder.decode(chunk.value, { stream: true });
          var lines = buffer.split('\n');
          buffer = lines.pop();
          lines.forEach(function (line) {
            if (line === '') {
              if (data.length) { state.version = id || state.version; onEvent(data.join('\n'), state.version); }
              id = null; data = [];
            } else if (line.indexOf('id: ') === 0) id = line.slice(4);
            else if (line.indexOf('data: ') === 0) data.push(line.slice(6));
          });
        }
      } catch (e) { /* reconnect below */ }
      await new Promise(function (resolve) { setTimeout(resolve, delay); });
      delay = Math.min(delay * 2, 10000);
    }
  }

  function startStage() {
    stream(function (html, version) {
      state.root.innerHTML = html;
      state.root.dataset.version = version;
      window.journeyStageEvents = (window.journeyStageEvents || 0) + 1;
    });
  }

  // The owner's panel shows everyone's progress: redrawn when the meeting changes, unless they are typing.
  function followAsOwner() {
    if (!state.root.querySelector('button[data-share]')) return;
    var first = true;
    stream(function () {
      if (first) { first = false; return; }
      if (!busy()) loadPanel(true);
    });
  }

  window.journeyMeeting = {
    start: async function (options) {
      state = options;
      if (options.frame === 'meetingStage') { startStage(); return; }
      await loadPanel();
      followAsOwner();
    },
  };
})();

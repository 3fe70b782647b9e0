// The tab's script: signs in through TeamsJS (SSO), follows the Teams theme, fetches the server-rendered map with
// the token, keeps filters in the URL, and makes PNG and file exports. The map reads without it (local, print).
(function () {
  'use strict';
  var body = document.body;
  var root = document.getElementById('map-root');
  var mode = body.dataset.mode;
  var token = null;
  var user = null;
  // How typed numbers read ("3,5" in de): Teams' locale in the tab, the browser's elsewhere.
  var locale = navigator.language || 'en-US';
  document.documentElement.classList.add('has-js');

  function applyTheme(theme) {
    document.documentElement.dataset.theme = theme === 'dark' || theme === 'contrast' ? theme : 'default';
  }

  function say(html) { root.innerHTML = html; }

  function inTeamsUrl(path) {
    var url = new URL(path, location.href);
    url.searchParams.set('inTeams', '1');
    return url.pathname + url.search + url.hash;
  }

  function contentUrlFor(pageUrl) {
    var url = new URL(pageUrl, location.href);
    url.searchParams.delete('inTeams');
    var match = url.pathname.match(/^\/map\/([A-Za-z0-9_-]+)$/);
    return match ? '/map/' + match[1] + '/content' + url.search : null;
  }

  function headers() { return token ? { Authorization: 'Bearer ' + token } : {}; }

  async function load(contentUrl) {
    var response = await fetch(contentUrl, { headers: headers(), credentials: 'omit' });
    if (response.status === 401) { say('<h1>Sign-in needed</h1><p>Teams could not sign you in to the map. Reopen the tab.</p>'); return; }
    say(await response.text());
    wire();
    var hash = location.hash && document.getElementById(location.hash.slice(1));
    if (hash) hash.scrollIntoView();
  }

  // Same-map navigation (filters, health links) stays in the tab: the URL changes, the content is fetched again.
  function navigate(pageUrl) {
    var content = contentUrlFor(pageUrl);
    if (!content) { location.href = inTeamsUrl(pageUrl); return; }
    history.pushState(null, '', inTeamsUrl(pageUrl));
    load(content);
  }

  function download(blob, name) {
    var a = document.createElement('a');
    a.href = URL.createObjectURL(blob);
    a.download = name;
    document.body.appendChild(a);
    a.click();
    setTimeout(function () { URL.revokeObjectURL(a.href); a.remove(); }, 1000);
  }

  async function fetchBlob(url) {
    var response = await fetch(url, { headers: headers(), credentials: 'omit' });
    if (!response.ok) throw new Error('export refused: ' + response.status);
    return response.blob();
  }

  // PNG from the SVG export, drawn in the browser (the server has no browser to do it).
  async function png(svgUrl) {
    var svgBlob = await fetchBlob(svgUrl);
    var image = new Image();
    var url = URL.createObjectURL(svgBlob);
    await new Promise(function (resolve, reject) { image.onload = resolve; image.onerror = reject; image.src = url; });
    var canvas = document.createElement('canvas');
    canvas.width = image.naturalWidth; canvas.height = image.naturalHeight;
    canvas.getContext('2d').drawImage(image, 0, 0);
    URL.revokeObjectURL(url);
    var blob = await new Promise(function (resolve) { canvas.toBlob(resolve, 'image/png'); });
    download(blob, 'journey-map.png');
    return blob.size;
  }
  window.journeyMapPng = png;

  function wire() {
    var form = document.getElementById('filters');
    if (form && mode === 'teams') {
      form.addEventListener('submit', function (e) {
        e.preventDefault();
        var params = new URLSearchParams();
        new FormData(form).forEach(function (value, key) { if (value) params.append(key, value); });
        var query = params.toString();
        navigate(form.getAttribute('action') + (query ? '?' + query : ''));
      });
    }
    root.querySelectorAll('a[href^="/map/"]').forEach(function (a) {
      if (mode !== 'teams') return;
      a.addEventListener('click', function (e) {
        e.preventDefault();
        if (a.dataset.export) {
          fetchBlob(a.getAttribute('href')).then(function (blob) { download(blob, a.dataset.export); });
        } else if (a.dataset.program) {
          choose(a);
        } else {
          navigate(a.getAttribute('href'));
        }
      });
    });
    root.querySelectorAll('a.program').forEach(function (a) {
      if (mode === 'teams') return;
      a.addEventListener('click', function () { remember(a.dataset.program); });
    });
    var upload = root.querySelector('#import-readings');
    if (upload) wireUpload(upload);
    root.querySelectorAll('[data-png]').forEach(function (b) { b.addEventListener('click', function () { png(b.dataset.png); }); });
    root.querySelectorAll('[data-print]').forEach(function (b) { b.addEventListener('click', function () { window.print(); }); });
  }

  // The owners' CSV of figures: checked first (the server says what each row would do and writes nothing), then
  // imported on request with the same text, and the map fetched again so the charts show the new figures.
  function wireUpload(section) {
    var input = section.querySelector('#readings-file');
    var csv = null;
    function problem(text) { return '<p class="notice problem" role="alert">' + text + '</p>'; }
    function show(html) {
      var result = root.querySelector('#readings-result');
      result.innerHTML = html;
      var said = result.querySelector('[role=status],[role=alert]');
      if (said) { said.tabIndex = -1; said.focus(); }
    }
    section.addEventListener('click', async function (e) {
      var button = e.target.closest('button[data-readings]');
      if (!button) return;
      var deed = button.dataset.readings;
      if (deed === 'check') {
        var file = input.files && input.files[0];
        if (!file) { show(problem('Choose a CSV file first.')); return; }
        if (file.size > 1048576) { show(problem('The file is larger than 1 MB. Split it and import each part.')); return; }
        csv = await file.text();
      }
      if (csv === null) return;
      button.disabled = true;
      show('<p role="status">' + (deed === 'check' ? 'Checking the file…' : 'Importing…') + '</p>');
      var html;
      var imported = false;
      try {
        var response = await fetch(section.dataset.upload + deed, {
          method: 'POST', credentials: 'omit', body: JSON.stringify({ csv: csv, locale: locale }),
          headers: Object.assign({ 'Content-Type': 'application/json' }, headers()),
        });
        html = response.status === 401 ? problem('Teams could not sign you in. Reopen the tab; nothing was imported.')
          : response.status >= 500 ? problem('Something went wrong on our side; nothing was imported. Try again.')
          : await response.text();
        imported = deed === 'import' && response.ok;
      } catch (err) {
        html = problem('The file could not be sent. Check your connection and try again; nothing was imported.');
      }
      button.disabled = false;
      if (imported) {
        var content = contentUrlFor(location.href);
        if (content) await load(content);
      }
      show(html);
    });
  }

  function memoryKey() { return 'journeybot.map.program.' + (user ? user.tenant + '.' + user.id : 'local'); }
  function remember(programId) { try { localStorage.setItem(memoryKey(), programId); } catch (e) { /* storage may be blocked */ } }
  function remembered() { try { return localStorage.getItem(memoryKey()); } catch (e) { return null; } }

  // The program picker: in the personal tab it opens the map (and remembers the choice); on the configuration
  // page it pins the channel or group-chat tab to that program.
  function choose(a) {
    var id = a.dataset.program;
    if (body.dataset.content.indexOf('configure=1') >= 0) {
      var contentUrl = location.origin + '/map/' + id + '?inTeams=1';
      microsoftTeams.pages.config.registerOnSaveHandler(function (save) {
        microsoftTeams.pages.config.setConfig({ entityId: 'map-' + id, contentUrl: contentUrl, websiteUrl: location.origin + '/map/' + id, suggestedDisplayName: 'Map' })
          .then(function () { save.notifySuccess(); }, function (err) { save.notifyFailure(String(err)); });
      });
      microsoftTeams.pages.config.setValidityState(true);
      var chosen = document.getElementById('chosen');
      if (chosen) chosen.textContent = 'Chosen: ' + a.dataset.name + '. Select Save.';
      return;
    }
    remember(id);
    location.href = inTeamsUrl('/map/' + id);
  }

  async function startInTeams() {
    if (typeof microsoftTeams === 'undefined' || window.parent === window) {
      say('<h1>Open this map in Microsoft Teams</h1><p>The journey map signs you in through Teams. Open the JourneyBot app in Teams and choose the Map tab.</p>');
      return;
    }
    var context;
    try {
      await microsoftTeams.app.initialize();
      context = await microsoftTeams.app.getContext();
      applyTheme(context.app && context.app.theme);
      microsoftTeams.app.registerOnThemeChangeHandler(applyTheme);
      user = { id: context.user && context.user.id, tenant: context.user && context.user.tenant && context.user.tenant.id };
      if (context.app && context.app.locale) locale = context.app.locale;
      token = await microsoftTeams.authentication.getAuthToken();
      microsoftTeams.app.notifySuccess();
    } catch (e) {
      say('<h1>Could not sign you in</h1><p>Teams did not give the map a sign-in token. Reopen the tab; if it keeps happening, ask your admin to consent to JourneyBot.</p>');
      return;
    }
    var content = body.dataset.content;
    // In a meeting the same tab opens as the side panel or on the stage: the meeting script takes over there.
    var frame = context.page && context.page.frameContext;
    var pinned = content.match(/^\/map\/([A-Za-z0-9_-]+)\/content/);
    if (pinned && (frame === 'sidePanel' || frame === 'meetingStage') && window.journeyMeeting) {
      window.journeyMeeting.start({
        programId: pinned[1], frame: frame, root: root, token: token,
        chatId: context.chat && context.chat.id,
        refreshToken: function () { return microsoftTeams.authentication.getAuthToken(); },
      });
      return;
    }
    var params = new URLSearchParams(location.search);
    if (content.indexOf('/map/programs/content') === 0 && content.indexOf('configure=1') < 0 && !params.has('choose')) {
      // A card's deep link names the program as the tab's sub-page.
      var linked = context.page && context.page.subPageId;
      if (linked && /^[A-Za-z0-9_-]+$/.test(linked)) { remember(linked); location.replace(inTeamsUrl('/map/' + linked)); return; }
      var last = remembered();
      if (last) { location.replace(inTeamsUrl('/map/' + last)); return; }
    }
    await load(content);
    window.addEventListener('popstate', function () { var c = contentUrlFor(location.href); if (c) load(c); });
  }

  // Browsers without ::details-content in print styles: open every fold for the paper, close them again after.
  var openedForPrint = [];
  window.addEventListener('beforeprint', function () {
    openedForPrint = Array.prototype.filter.call(document.querySelectorAll('details:not([open])'), function (d) { d.open = true; return true; });
  });
  window.addEventListener('afterprint', function () { openedForPrint.forEach(function (d) { d.open = false; }); openedForPrint = []; });

  var themeParam = new URLSearchParams(location.search).get('theme');
  if (themeParam) applyTheme(themeParam);
  if (mode === 'teams') startInTeams(); else wire();
})();

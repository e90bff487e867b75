// SafetyReports public site. Everything here only improves pages that work without it:
// - solves the proof of work in the background and puts "{challenge}:{nonce}" into the form;
// - fills in host, id and revision from a pasted model-page address;
// - adds evidence items in place; copies the receipt's id and token; focuses the error summary
//   and, from its links, the fields;
// - previews the chosen evidence files (names, sizes, images drawn small) and, when files go with the report, sends it
//   with a progress bar (the answer replaces the page, as the browser's own post would).
(function () {
  'use strict';

  // ---- Model-page addresses: the same rules as ModelPageUrl.cs (a browser test compares them). ----
  var HUGGING_FACE_RESERVED = ['api', 'blog', 'chat', 'collections', 'datasets', 'docs', 'enterprise', 'join', 'learn', 'login',
    'models', 'new', 'notifications', 'organizations', 'papers', 'posts', 'pricing', 'settings', 'spaces', 'tasks'];
  var GITHUB_RESERVED = ['about', 'apps', 'collections', 'enterprise', 'explore', 'features', 'login', 'marketplace', 'new',
    'notifications', 'orgs', 'organizations', 'pricing', 'pulls', 'issues', 'search', 'settings', 'sponsors', 'topics'];
  var OLLAMA_RESERVED = ['blog', 'download', 'models', 'pricing', 'public', 'search', 'settings', 'signin', 'signup'];

  function reserved(list, segment) {
    return list.indexOf(segment.toLowerCase()) >= 0;
  }

  function isNamePart(part) {
    return part !== '.' && part !== '..' && /^[A-Za-z0-9._-]{1,100}$/.test(part);
  }

  function digits(text) {
    return /^[0-9]+$/.test(text);
  }

  function splitTag(segment) {
    var colon = segment.indexOf(':');
    return colon > 0 && colon < segment.length - 1
      ? { name: segment.slice(0, colon), tag: segment.slice(colon + 1) }
      : { name: segment.replace(/:+$/, ''), tag: null };
  }

  function parseModelUrl(text) {
    if (typeof text !== 'string') return null;
    var trimmed = text.trim();
    if (!trimmed || trimmed.length > 2000) return null;
    if (trimmed.indexOf('://') < 0) trimmed = 'https://' + trimmed;
    var url;
    try {
      url = new URL(trimmed);
    } catch (e) {
      return null;
    }
    if ((url.protocol !== 'http:' && url.protocol !== 'https:') || url.username || url.password) return null;

    var site = url.hostname.toLowerCase();
    if (site.indexOf('www.') === 0) site = site.slice(4);
    var s;
    try {
      s = url.pathname.split('/').filter(Boolean).map(decodeURIComponent);
    } catch (e) {
      return null;
    }

    var parsed = null;
    if (site === 'huggingface.co' || site === 'hf.co') {
      if (s.length >= 2 && !reserved(HUGGING_FACE_RESERVED, s[0])) {
        var hfRevision = s.length >= 4 && ['tree', 'blob', 'resolve', 'commit'].indexOf(s[2]) >= 0 ? s[3] : null;
        parsed = { host: 'huggingface', id: s[0] + '/' + s[1], revision: hfRevision };
      }
    } else if (site === 'github.com') {
      if (s.length >= 2 && !reserved(GITHUB_RESERVED, s[0])) {
        var repo = /\.git$/i.test(s[1]) ? s[1].slice(0, -4) : s[1];
        var ghRevision = s.length >= 4 && ['tree', 'blob', 'commit'].indexOf(s[2]) >= 0 ? s[3]
          : s.length >= 5 && s[2] === 'releases' && s[3] === 'tag' ? s[4] : null;
        parsed = { host: 'github', id: s[0] + '/' + repo, revision: ghRevision };
      }
    } else if (site === 'civitai.com') {
      if (s.length >= 2 && s[0] === 'models' && digits(s[1])) {
        var version = url.searchParams.get('modelVersionId');
        parsed = { host: 'civitai', id: s[1], revision: version && digits(version) ? version : null };
      }
    } else if (site === 'ollama.com') {
      if (s.length >= 2 && !reserved(OLLAMA_RESERVED, s[0])) {
        var tagged = splitTag(s[1]);
        parsed = { host: 'ollama', id: s[0] === 'library' ? tagged.name : s[0] + '/' + tagged.name, revision: tagged.tag };
      }
    } else if (site === 'modelscope.cn') {
      if (s.length >= 3 && s[0] === 'models') parsed = { host: 'modelscope', id: s[1] + '/' + s[2], revision: null };
    } else if (site === 'kaggle.com') {
      if (s.length >= 3 && s[0] === 'models') {
        parsed = { host: 'kaggle', id: s[1] + '/' + s[2], revision: s.length > 3 ? s.slice(3).join('/') : null };
      }
    }

    if (!parsed || !parsed.id.split('/').every(isNamePart)) return null;
    return parsed;
  }

  window.SafetyReportsIntake = { parseModelUrl: parseModelUrl };

  function format(template, values) {
    return String(template || '').replace(/\{(\d+)\}/g, function (match, index) {
      return values[+index] !== undefined ? values[+index] : match;
    });
  }

  // ---- Proof of work ----
  function solve(workerUrl, challenge, difficulty) {
    return new Promise(function (resolve, reject) {
      var worker;
      try {
        worker = new Worker(workerUrl);
      } catch (e) {
        reject(e);
        return;
      }
      worker.onmessage = function (event) {
        worker.terminate();
        if (event.data && event.data.nonce !== undefined) resolve(event.data);
        else reject(new Error(event.data && event.data.error || 'no nonce'));
      };
      worker.onerror = function (event) {
        worker.terminate();
        event.preventDefault();
        reject(new Error('worker failed'));
      };
      worker.postMessage({ challenge: challenge, difficulty: difficulty });
    });
  }

  // Fetches a challenge and solves it; resolves to { proof, expiresAt } or null when there is none to send.
  function prepareProof(form) {
    var started = performance.now();
    form.dataset.powState = 'solving';
    return fetch('/api/v1/challenge', { headers: { Accept: 'application/json' }, cache: 'no-store', credentials: 'same-origin' })
      .then(function (response) {
        if (!response.ok) throw new Error('challenge: HTTP ' + response.status);
        return response.json();
      })
      .then(function (challenge) {
        if (!challenge.difficulty) {
          form.dataset.powState = 'off';
          return { proof: '', expiresAt: Infinity };
        }
        return solve(form.dataset.powWorker, challenge.challenge, challenge.difficulty).then(function (solution) {
          form.dataset.powState = 'solved';
          form.dataset.powMs = String(Math.round(performance.now() - started));
          form.dataset.powHashes = String(solution.hashes);
          return { proof: challenge.challenge + ':' + solution.nonce, expiresAt: Date.parse(challenge.expiresAt) };
        });
      })
      .catch(function () {
        // No proof: the form is still sent, and the server treats it as coming without JavaScript.
        form.dataset.powState = 'failed';
        return null;
      });
  }

  function setupProof(form) {
    var field = form.querySelector('input[name="proof"]');
    var sendStatus = document.getElementById('send-status');
    if (!field || !window.fetch || !window.Promise) return;
    var pending = prepareProof(form);
    var sending = false;

    form.addEventListener('submit', function (event) {
      var submitter = event.submitter;
      if (submitter && submitter.value !== 'send') return; // "add evidence" without script support
      event.preventDefault();
      if (sending) return;
      sending = true;
      if (submitter) submitter.disabled = true;
      if (sendStatus) sendStatus.textContent = form.dataset.msgSolving || '';

      var giveUp = new Promise(function (resolve) { setTimeout(function () { resolve(null); }, 30000); });
      Promise.race([pending, giveUp])
        .then(function (result) {
          // A challenge about to expire would be refused: solve a fresh one first.
          if (result && result.expiresAt - Date.now() < 30000) {
            pending = prepareProof(form);
            return Promise.race([pending, giveUp]);
          }
          return result;
        })
        .then(function (result) {
          field.value = result ? result.proof : '';
          send(form);
        });
    });
  }

  // ---- Evidence files: preview, and a progress bar while they are sent ----
  function formatSize(bytes) {
    if (bytes < 1024) return bytes + ' B';
    if (bytes < 1024 * 1024) return (bytes / 1024).toFixed(1) + ' KiB';
    return (bytes / (1024 * 1024)).toFixed(1) + ' MiB';
  }

  // Images are drawn from the file's bytes onto a canvas (no blob: address, so the page's img-src stays 'self').
  function thumbnail(file, item) {
    if (!/^image\/(png|jpeg|webp)$/.test(file.type) || !window.createImageBitmap) return;
    var canvas = document.createElement('canvas');
    canvas.className = 'file-thumb';
    canvas.setAttribute('aria-hidden', 'true');
    item.insertBefore(canvas, item.firstChild);
    createImageBitmap(file).then(function (bitmap) {
      var scale = Math.min(96 / bitmap.width, 96 / bitmap.height, 1);
      canvas.width = Math.max(1, Math.round(bitmap.width * scale));
      canvas.height = Math.max(1, Math.round(bitmap.height * scale));
      canvas.getContext('2d').drawImage(bitmap, 0, 0, canvas.width, canvas.height);
      if (bitmap.close) bitmap.close();
    }, function () {
      canvas.remove(); // not an image the browser can read: the server decides from the bytes anyway
    });
  }

  function setupFiles(form) {
    var input = form.querySelector('#files');
    var list = document.getElementById('files-preview');
    if (!input || !list) return;
    input.addEventListener('change', function () {
      list.textContent = '';
      Array.prototype.forEach.call(input.files || [], function (file) {
        var item = document.createElement('li');
        var name = document.createElement('span');
        name.className = 'file-name';
        name.textContent = file.name;
        var size = document.createElement('span');
        size.className = 'file-size';
        size.textContent = formatSize(file.size);
        item.appendChild(name);
        item.appendChild(size);
        thumbnail(file, item);
        list.appendChild(item);
      });
      list.hidden = list.children.length === 0;
    });
  }

  // Without files, or without what the progress bar needs, the browser posts the form itself.
  function send(form) {
    var input = form.querySelector('#files');
    var progress = document.getElementById('files-progress');
    if (!input || !input.files || input.files.length === 0 || !progress || !window.FormData || !window.XMLHttpRequest) {
      form.submit();
      return;
    }
    var xhr = new XMLHttpRequest();
    xhr.open('POST', form.getAttribute('action') || '/');
    progress.hidden = false;
    progress.value = 0;
    form.dataset.uploadState = 'sending';
    xhr.upload.addEventListener('progress', function (event) {
      if (event.lengthComputable) progress.value = Math.round(event.loaded * 100 / event.total);
    });
    xhr.addEventListener('load', function () {
      // The answer is the page the browser's own post would show (the receipt, or the form with its errors).
      document.open();
      document.write(xhr.responseText);
      document.close();
    });
    xhr.addEventListener('error', function () {
      progress.hidden = true;
      form.dataset.uploadState = 'failed';
      form.submit();
    });
    xhr.send(new FormData(form));
  }

  // ---- Model address → host, id, revision ----
  function setupModelUrl(form) {
    var url = form.querySelector('#model-url');
    var host = form.querySelector('#model-host');
    var id = form.querySelector('#model-id');
    var revision = form.querySelector('#model-revision');
    var status = document.getElementById('model-url-status');
    if (!url || !host || !id || !revision || !status) return;
    var filled = { host: null, id: null, revision: null };

    function ours(input, key) {
      return input.value.trim() === '' || input.value === filled[key];
    }

    function update() {
      var text = url.value.trim();
      status.classList.remove('field-status-muted');
      if (!text) {
        status.textContent = '';
        return;
      }
      var parsed = parseModelUrl(text);
      if (!parsed) {
        status.classList.add('field-status-muted');
        status.textContent = form.dataset.msgNotRecognised || '';
        return;
      }
      if (ours(host, 'host') && ours(id, 'id')) {
        host.value = filled.host = parsed.host;
        id.value = filled.id = parsed.id;
        if (ours(revision, 'revision')) revision.value = filled.revision = parsed.revision || '';
      }
      status.textContent = format(form.dataset.msgRecognised, [parsed.host, parsed.id]);
    }

    url.addEventListener('change', update);
    url.addEventListener('input', function (event) {
      if (event.inputType === 'insertFromPaste' || event.inputType === 'insertFromDrop') update();
    });
  }

  // ---- Evidence items added in place ----
  function setupEvidence(form) {
    var button = document.getElementById('add-evidence');
    var list = document.getElementById('evidence-list');
    if (!button || !list) return;
    var max = parseInt(form.dataset.maxEvidence, 10) || 20;

    function renumber(element, index) {
      ['id', 'for', 'name', 'aria-describedby'].forEach(function (attribute) {
        var value = element.getAttribute(attribute);
        if (value === null) return;
        value = value.replace(/evidence-\d+-/g, 'evidence-' + index + '-').replace(/evidence\[\d+\]/g, 'evidence[' + index + ']');
        if (attribute === 'aria-describedby') {
          value = value.split(/\s+/).filter(function (ref) { return ref && !/-error$/.test(ref); }).join(' ');
          if (!value) {
            element.removeAttribute(attribute);
            return;
          }
        }
        element.setAttribute(attribute, value);
      });
    }

    button.addEventListener('click', function (event) {
      var items = list.querySelectorAll('.evidence-item');
      if (items.length >= max) return;
      event.preventDefault();
      var index = items.length;
      var item = items[items.length - 1].cloneNode(true);
      item.setAttribute('data-evidence-slot', String(index));
      item.querySelectorAll('.error-message').forEach(function (e) { e.remove(); });
      item.querySelectorAll('.field-error').forEach(function (e) { e.classList.remove('field-error'); });
      item.querySelectorAll('.input-error').forEach(function (e) { e.classList.remove('input-error'); });
      item.querySelectorAll('[aria-invalid]').forEach(function (e) { e.removeAttribute('aria-invalid'); });
      item.querySelectorAll('[id], [for], [name], [aria-describedby]').forEach(function (e) { renumber(e, index); });
      item.querySelectorAll('textarea').forEach(function (e) { e.value = ''; e.textContent = ''; });
      item.querySelectorAll('select').forEach(function (e) { e.value = 'other'; });
      var legend = item.querySelector('legend');
      if (legend) legend.textContent = format(form.dataset.msgEvidenceLegend, [index + 1]);
      list.appendChild(item);
      if (index + 1 >= max) button.hidden = true;
      var content = item.querySelector('textarea');
      if (content) content.focus();
    });
  }

  // ---- Receipt: copy buttons ----
  function setupCopy() {
    var status = document.getElementById('copy-status');
    if (!navigator.clipboard || !status) return;
    document.querySelectorAll('button[data-copy]').forEach(function (button) {
      button.hidden = false;
      button.addEventListener('click', function () {
        var target = document.getElementById(button.getAttribute('data-copy'));
        if (!target) return;
        navigator.clipboard.writeText(target.textContent.trim()).then(function () {
          status.textContent = status.getAttribute('data-msg-copied') || '';
        }, function () { /* clipboard refused: the text can still be selected */ });
      });
    });
  }

  // ---- Error summary: focus it on load; its links move focus to the field and show its label ----
  function setupErrorSummary() {
    var summary = document.querySelector('[data-error-summary]');
    if (!summary) return;
    summary.focus();
    summary.addEventListener('click', function (event) {
      var link = event.target.closest ? event.target.closest('a[href^="#"]') : null;
      if (!link) return;
      var input = document.getElementById(link.getAttribute('href').slice(1));
      if (!input) return;
      event.preventDefault();
      var group = input.closest('fieldset.choices');
      var caption = group ? group.querySelector('legend') : document.querySelector('label[for="' + input.id + '"]');
      (caption || input).scrollIntoView();
      input.focus({ preventScroll: true });
    });
  }

  function init() {
    setupErrorSummary();
    var form = document.getElementById('report-form');
    if (form) {
      setupProof(form);
      setupModelUrl(form);
      setupEvidence(form);
      setupFiles(form);
    }
    setupCopy();
  }

  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', init);
  else init();
})();

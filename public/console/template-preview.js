/*
 * Live preview of a template override while it is edited: the body (not saved) is rendered by
 * POST /api/v1/templates/preview against the chosen story (or the built-in samples), with lint.
 *
 *   form[data-template-editor] with data-kind, data-channel
 *     textarea[name=body], select[data-preview-story] (value: story id or "")
 *     [data-preview-output]   where the rendered drafts go (built with textContent: never HTML)
 *     [data-preview-status]   aria-live line (errors name the template line)
 */
(function () {
  'use strict';

  var DELAY_MS = 400;

  function csrfToken() {
    var meta = document.querySelector('meta[name="csrf-token"]');
    return meta ? meta.getAttribute('content') : '';
  }

  function el(tag, className, text) {
    var node = document.createElement(tag);
    if (className) node.className = className;
    if (text !== undefined && text !== null) node.textContent = text;
    return node;
  }

  function render(output, drafts) {
    output.textContent = '';
    drafts.forEach(function (draft) {
      var card = el('article', 'preview-card');
      if (draft.title) card.appendChild(el('h3', 'preview-title', draft.title));
      card.appendChild(el('div', 'preview-body', draft.body));
      card.appendChild(el('p', 'preview-meta', draft.body.length + ' karakter'));
      var findings = draft.lint || [];
      if (findings.length) {
        var list = el('ul', 'lint-list');
        findings.forEach(function (f) {
          var item = el('li', 'lint-' + (f.severity || 'info'), (f.severity ? f.severity + ': ' : '') + (f.message || f.code || JSON.stringify(f)));
          list.appendChild(item);
        });
        card.appendChild(list);
      }
      output.appendChild(card);
    });
  }

  function setup(form) {
    var textarea = form.querySelector('textarea[name="body"]');
    var story = form.querySelector('[data-preview-story]');
    var output = form.querySelector('[data-preview-output]') || document.querySelector('[data-preview-output]');
    var status = form.querySelector('[data-preview-status]') || document.querySelector('[data-preview-status]');
    if (!textarea || !output) return;
    var timer = null;
    var sequence = 0;

    function preview() {
      var mine = ++sequence;
      var payload = { kind: form.getAttribute('data-kind'), channel: form.getAttribute('data-channel'), body: textarea.value };
      if (story && story.value) payload.storyId = story.value;
      if (status) status.textContent = 'Memperbarui pratinjau…';
      fetch('/api/v1/templates/preview', {
        method: 'POST', credentials: 'same-origin',
        headers: { 'Content-Type': 'application/json', Accept: 'application/json', 'X-CSRF-Token': csrfToken() },
        body: JSON.stringify(payload),
      })
        .then(function (response) {
          return response.json().catch(function () { return {}; }).then(function (body) { return { ok: response.ok, body: body }; });
        })
        .then(function (result) {
          if (mine !== sequence) return; // a newer edit is already on its way
          if (result.ok) {
            render(output, result.body.drafts || []);
            if (status) status.textContent = 'Pratinjau diperbarui.';
            form.setAttribute('data-preview-state', 'ok');
          } else {
            var body = result.body || {};
            var where = typeof body.line === 'number' ? ' (baris ' + body.line + ')' : '';
            var fields = Array.isArray(body.errors) ? ' ' + body.errors.map(function (e) { return e.field + ': ' + e.message; }).join('; ') : '';
            if (status) status.textContent = 'Templat tidak dapat dirender' + where + ': ' + (body.detail || '') + fields;
            form.setAttribute('data-preview-state', 'error');
          }
        })
        .catch(function () { if (status) status.textContent = 'Pratinjau gagal dimuat.'; });
    }

    function schedule() {
      clearTimeout(timer);
      timer = setTimeout(preview, DELAY_MS);
    }
    textarea.addEventListener('input', schedule);
    if (story) story.addEventListener('change', preview);
    var button = form.querySelector('[data-preview-now]');
    if (button) button.addEventListener('click', preview);
    preview();
  }

  function init() {
    Array.prototype.forEach.call(document.querySelectorAll('form[data-template-editor]'), setup);
  }
  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', init);
  else init();
})();

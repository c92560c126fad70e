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

  /** The engine's English message said in Indonesian, with its line (as the server's template-errors.ts does). */
  function explain(detail, line) {
    var where = typeof line === 'number' ? ' pada baris ' + line : '';
    var text = detail.replace(/^The template does not render:\s*/, '');
    var unknown = /"([^"]+)" not defined/.exec(text);
    if (unknown) return 'Templat tidak dapat dirender: isian "' + unknown[1] + '" tidak dikenal' + where + '.';
    if (/Parse error|Expecting|lexical error/i.test(text)) return 'Templat tidak dapat dirender: penulisan Handlebars salah' + where + '; periksa tanda {{ }} dan pasangan blok seperti {{#if}} … {{/if}}.';
    if (/doesn't match|does not match/i.test(text)) return 'Templat tidak dapat dirender: blok tidak berpasangan' + where + '.';
    return 'Templat tidak dapat dirender' + where + '.';
  }

  /** The engine's own message, whole, under "Pesan teknis". */
  function showTechnical(text) {
    var box = document.querySelector('[data-preview-technical]');
    if (!box) return;
    box.hidden = !text;
    var pre = box.querySelector('pre');
    if (pre) pre.textContent = text;
  }

  function render(output, drafts) {
    output.textContent = '';
    drafts.forEach(function (draft) {
      var card = el('article', 'preview-card');
      if (draft.title) card.appendChild(el('h3', 'preview-title', draft.title));
      card.appendChild(el('div', 'preview-body', draft.body));
      card.appendChild(el('p', 'preview-meta', draft.body.length.toLocaleString('id-ID') + ' karakter'));
      var findings = draft.lint || [];
      if (findings.length) {
        var list = el('ul', 'lint-list');
        findings.forEach(function (f) {
          var item = el('li', 'lint-' + (f.severity || 'info'), (f.severity === 'error' ? 'Kesalahan: ' : f.severity ? 'Peringatan: ' : '') + (f.message || f.code || ''));
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
            showTechnical('');
            if (status) status.textContent = 'Pratinjau diperbarui.';
            form.setAttribute('data-preview-state', 'ok');
          } else {
            var body = result.body || {};
            var fields = Array.isArray(body.errors) ? ' ' + body.errors.map(function (e) { return e.message; }).join(' ') : '';
            if (status) status.textContent = explain(body.detail || '', body.line) + fields;
            showTechnical((body.detail || '').replace(/^The template does not render:\s*/, ''));
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

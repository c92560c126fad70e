// Console behaviour shared by every page (loaded with defer; no inline script anywhere, CSP 'self').
(function () {
  'use strict';
  document.documentElement.classList.remove('no-js');
  var toggle = document.querySelector('.nav-toggle');
  var nav = document.getElementById('nav-utama');
  if (toggle && nav) {
    toggle.addEventListener('click', function () {
      var open = nav.classList.toggle('open');
      toggle.setAttribute('aria-expanded', open ? 'true' : 'false');
    });
  }
  // <form data-confirm="..."> asks before submitting (withdraw, urgent publish).
  document.addEventListener('submit', function (event) {
    var form = event.target;
    var question = form && form.getAttribute && form.getAttribute('data-confirm');
    if (question && !window.confirm(question)) event.preventDefault();
  });
  /** The CSRF token for fetch calls: send it as the X-CSRF-Token header. */
  window.gaungCsrfToken = function () {
    var meta = document.querySelector('meta[name="csrf-token"]');
    return meta ? meta.getAttribute('content') : '';
  };

  /* ---- Length limits said before saving --------------------------------------------------
   * [data-max-chars="2000"] on an input or textarea: the browser's maxlength would cut a long
   * paste without a word, so the limit is shown instead: a counter (textareas, or any field
   * near its limit), the field marked while it is too long, and the form not sent until it fits.
   * Counted as the server counts (class-validator: a surrogate pair or a variation selector is
   * not a character of its own). */
  function length(text) {
    return text.length - (text.match(/[\uD800-\uDBFF][\uDC00-\uDFFF]/g) || []).length - (text.match(/[\uFE0E\uFE0F]/g) || []).length;
  }
  function number(n) { return n.toLocaleString('id-ID'); }
  function counterFor(field) {
    var existing = document.querySelector('[data-char-count="' + field.id + '"]');
    if (existing) return existing;
    var counter = document.createElement('p');
    counter.className = 'char-count';
    counter.id = field.id + '-count';
    counter.setAttribute('data-char-count', field.id);
    counter.setAttribute('aria-live', 'polite');
    field.insertAdjacentElement('afterend', counter);
    var described = (field.getAttribute('aria-describedby') || '').split(' ').filter(Boolean);
    if (described.indexOf(counter.id) === -1) field.setAttribute('aria-describedby', described.concat(counter.id).join(' '));
    return counter;
  }
  function checkLength(field) {
    var max = Number(field.getAttribute('data-max-chars'));
    if (!max || !field.id) return true;
    var n = length(field.value);
    var over = n > max;
    var existing = document.querySelector('[data-char-count="' + field.id + '"]');
    // single-line fields show a counter only near or over their limit
    if (!existing && field.tagName !== 'TEXTAREA' && n < max * 0.9) return true;
    var counter = existing || counterFor(field);
    counter.classList.toggle('over', over);
    counter.textContent = over
      ? number(n) + ' / ' + number(max) + ' karakter: kelebihan ' + number(n - max) + ' karakter. Persingkat sebelum menyimpan; tidak ada yang dipotong.'
      : number(n) + ' / ' + number(max) + ' karakter';
    if (over) field.setAttribute('aria-invalid', 'true');
    else if (field.getAttribute('data-length-marked') === 'true') field.removeAttribute('aria-invalid');
    field.setAttribute('data-length-marked', over ? 'true' : 'false');
    return !over;
  }
  document.addEventListener('input', function (event) {
    if (event.target.matches && event.target.matches('[data-max-chars]')) checkLength(event.target);
  });
  document.addEventListener('submit', function (event) {
    var form = event.target;
    if (event.defaultPrevented || !form.querySelectorAll) return;
    var tooLong = Array.prototype.filter.call(form.querySelectorAll('[data-max-chars]'), function (f) { return !f.disabled && !checkLength(f); });
    if (tooLong.length) {
      event.preventDefault();
      var first = tooLong[0];
      var details = first.closest('details');
      if (details) details.open = true;
      first.focus();
    }
  });
  Array.prototype.forEach.call(document.querySelectorAll('[data-max-chars]'), checkLength);

  /* ---- Nothing lost when the session ended ---------------------------------------------
   * Every form posted from the console is kept in this tab (sessionStorage: this tab only, gone
   * when it closes; passwords and the CSRF token never) until the next page shows whether it
   * arrived. When the session had ended the server answers with the login page; after the
   * login it sends the officer back to the form's page with ?pulihkan=1, where the form is
   * filled in again (photos too) to be checked and sent once more. Any other page means the post
   * arrived (or was given up), and the kept copy is dropped. */
  var KEPT = 'gaung:unsent';
  var storage = null;
  try { storage = window.sessionStorage; } catch (e) { storage = null; }

  function keep(form) {
    if (!storage || (form.method || '').toLowerCase() !== 'post') return;
    var action = form.getAttribute('action') || location.pathname;
    if (action === '/login' || action === '/logout') return;
    var fields = [];
    Array.prototype.forEach.call(form.elements, function (el) {
      if (!el.name || el.disabled || el.name === '_csrf' || el.type === 'password' || el.type === 'file' || el.type === 'submit' || el.type === 'button') return;
      if ((el.type === 'checkbox' || el.type === 'radio') && !el.checked) return;
      fields.push([el.name, el.value]);
    });
    try {
      storage.setItem(KEPT, JSON.stringify({ page: location.pathname, action: action, at: Date.now(), fields: fields }));
    } catch (e) { /* full or refused: the post still goes */ }
  }
  document.addEventListener('submit', function (event) {
    if (!event.defaultPrevented && event.target.tagName === 'FORM') keep(event.target);
  });

  function fieldsNamed(form, name) {
    return Array.prototype.filter.call(form.elements, function (el) { return el.name === name; });
  }
  /** Rows added by the intake script ("stages[3].at") are added again before their values go in. */
  function ensureRow(form, name) {
    var match = /^([A-Za-z]+)\[\d+\]\./.exec(name);
    var add = match && form.querySelector('[data-repeat-add="' + match[1] + '"]');
    for (var i = 0; add && i < 30 && fieldsNamed(form, name).length === 0; i++) add.click();
  }
  function restore(kept) {
    var forms = document.querySelectorAll('form[method="post"]');
    var form = Array.prototype.filter.call(forms, function (f) { return (f.getAttribute('action') || location.pathname) === kept.action; })[0];
    if (!form) return false;
    var media = [];
    kept.fields.forEach(function (pair) {
      var name = pair[0];
      var value = pair[1];
      if (name === 'mediaIds') { media.push(value); return; }
      ensureRow(form, name);
      fieldsNamed(form, name).forEach(function (el) {
        if (el.type === 'checkbox' || el.type === 'radio') {
          if (el.value === value) el.checked = true;
        } else {
          // a hidden revision too: if the draft changed meanwhile, the server says so (409) instead of overwriting it
          el.value = value;
        }
        el.dispatchEvent(new Event('input', { bubbles: true }));
        el.dispatchEvent(new Event('change', { bubbles: true }));
      });
    });
    // checkboxes not ticked when it was sent are unticked again
    Array.prototype.forEach.call(form.querySelectorAll('input[type="checkbox"]'), function (box) {
      if (box.name && !kept.fields.some(function (p) { return p[0] === box.name && p[1] === box.value; })) box.checked = false;
    });
    if (media.length) {
      var upload = form.querySelector('[data-photo-upload]');
      if (upload) upload.dispatchEvent(new CustomEvent('gaung:restore-media', { detail: media }));
    }
    var details = form.closest('details');
    if (details) details.open = true;
    // a draft's form on a channel tab that is not shown: show that tab (story.js follows the address)
    var panel = form.closest('[role="tabpanel"]');
    if (panel && panel.hidden) location.hash = panel.id;
    var note = document.createElement('p');
    note.className = 'flash flash-info';
    note.setAttribute('role', 'status');
    note.setAttribute('data-restored', '');
    note.textContent = 'Sesi Anda sempat berakhir sehingga isian ini belum terkirim. Isian sudah dipulihkan: periksa lalu kirim lagi.';
    form.insertBefore(note, form.firstChild);
    note.scrollIntoView({ block: 'center' });
    return true;
  }

  if (storage) {
    var raw = null;
    try { raw = storage.getItem(KEPT); } catch (e) { raw = null; }
    var params = new URLSearchParams(location.search);
    if (raw && location.pathname !== '/login') {
      var kept = null;
      try { kept = JSON.parse(raw); } catch (e) { kept = null; }
      var fresh = kept && Date.now() - kept.at < 12 * 3600 * 1000;
      if (params.get('pulihkan') === '1' && fresh && kept.page !== location.pathname && /^\/[^/]/.test(kept.page)) {
        // the login could not know the form's page (browsers send no Referer under the strict policy): go there now
        location.replace(kept.page + '?pulihkan=1');
        return;
      }
      if (params.get('pulihkan') === '1' && fresh && kept.page === location.pathname) {
        var run = function () { restore(kept); };
        // after the page's own scripts (rows, photos) have set themselves up
        if (document.readyState === 'complete') setTimeout(run, 0);
        else window.addEventListener('load', run);
      }
      storage.removeItem(KEPT);
    }
    if (params.get('pulihkan') === '1' && window.history && history.replaceState) {
      params.delete('pulihkan');
      var query = params.toString();
      history.replaceState(null, '', location.pathname + (query ? '?' + query : '') + location.hash);
    }
  }
})();

/*
 * Copy-to-clipboard buttons: <button type="button" data-copy-target="#id">Salin</button> copies
 * the value (textarea/input) or text of the element it names. The Clipboard API needs a secure
 * context (https or localhost); elsewhere the selected-text fallback is used.
 * A status line ([data-copy-status] next to the button, aria-live) says whether it worked.
 */
(function () {
  'use strict';

  function textOf(target) {
    return 'value' in target && typeof target.value === 'string' ? target.value : target.textContent || '';
  }

  function fallbackCopy(text) {
    var area = document.createElement('textarea');
    area.value = text;
    area.setAttribute('readonly', '');
    area.className = 'visually-hidden';
    document.body.appendChild(area);
    area.select();
    var ok = false;
    try { ok = document.execCommand('copy'); } catch (e) { ok = false; }
    area.remove();
    return ok ? Promise.resolve() : Promise.reject(new Error('copy refused'));
  }

  function copy(text) {
    if (navigator.clipboard && window.isSecureContext) {
      return navigator.clipboard.writeText(text).catch(function () { return fallbackCopy(text); });
    }
    return fallbackCopy(text);
  }

  function statusFor(button) {
    var scope = button.closest('[data-copy-scope]') || button.parentElement;
    return scope ? scope.querySelector('[data-copy-status]') : null;
  }

  document.addEventListener('click', function (event) {
    var button = event.target.closest ? event.target.closest('[data-copy-target]') : null;
    if (!button) return;
    var target = document.querySelector(button.getAttribute('data-copy-target'));
    if (!target) return;
    var status = statusFor(button);
    copy(textOf(target)).then(
      function () {
        button.setAttribute('data-copied', 'true');
        if (status) status.textContent = 'Teks tersalin ke papan klip.';
      },
      function () {
        // last resort: leave the text selected so the officer can copy it by hand
        if (typeof target.select === 'function') target.select();
        if (status) status.textContent = 'Tidak bisa menyalin otomatis; teks sudah dipilih, salin secara manual.';
      },
    );
  });
})();

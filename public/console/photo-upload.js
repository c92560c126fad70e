/*
 * Photo upload on the intake forms (no framework, no inline script: the CSP allows only 'self').
 *
 * Markup contract (templates/console/pages/intake/photo-upload.hbs):
 *   [data-photo-upload]                    the fieldset; data-can-blur="true" for roles that may blur
 *     input[type=file][data-photo-file]    has no name: the photo goes to POST /api/v1/media, not in the form
 *     input[data-photo-alt]                alternative text sent with the upload
 *     [data-photo-preview] > img           local preview before upload (a data: URL: the CSP allows data: images, not blob:)
 *     button[data-photo-upload-button]
 *     [data-photo-status]                  aria-live status line
 *     [data-photo-list]                    uploaded photos; each adds <input type=hidden name=mediaIds> to the form
 *     template[data-photo-item-template]   markup of one uploaded photo
 *
 * Blur: on an uploaded photo the officer drags rectangles (mouse, pen or touch: Pointer Events;
 * or from the keyboard: Enter adds a box, arrows move it, Shift+arrows resize it) over faces or
 * plates; "Samarkan area" sends them in the stored original's pixels to
 * PUT /api/v1/media/:id/blur, which blurs the original for good and rebuilds every rendition.
 * Fetches carry the session's CSRF token from <meta name="csrf-token"> (cookie sessions need it).
 */
(function () {
  'use strict';

  var MIN_DRAG_PX = 6;

  function csrfToken() {
    var meta = document.querySelector('meta[name="csrf-token"]');
    return meta ? meta.getAttribute('content') : '';
  }

  /** The problem+json detail (or field messages) of a refused call, for the status line. */
  function problemText(response, body) {
    if (body && Array.isArray(body.errors) && body.errors.length) {
      return body.errors.map(function (e) { return e.field + ': ' + e.message; }).join('; ');
    }
    if (body && body.detail) return body.detail;
    return 'HTTP ' + response.status;
  }

  function readJson(response) {
    return response.text().then(function (text) {
      var body = null;
      try { body = text ? JSON.parse(text) : null; } catch (e) { body = null; }
      if (!response.ok) throw new Error(problemText(response, body));
      return body;
    });
  }

  function renditionUrl(media, name) {
    var found = (media.renditions || []).filter(function (r) { return r.name === name && r.format === 'jpeg'; })[0];
    return found ? found.url : media.originalUrl;
  }

  function setup(root) {
    var form = root.closest('form');
    var fileInput = root.querySelector('[data-photo-file]');
    var altInput = root.querySelector('[data-photo-alt]');
    var preview = root.querySelector('[data-photo-preview]');
    var previewImg = preview ? preview.querySelector('img') : null;
    var button = root.querySelector('[data-photo-upload-button]');
    var status = root.querySelector('[data-photo-status]');
    var list = root.querySelector('[data-photo-list]');
    var template = root.querySelector('template[data-photo-item-template]');
    var canBlur = root.getAttribute('data-can-blur') === 'true';
    var unitField = form ? form.querySelector('[name="' + (root.getAttribute('data-unit-field') || 'unitCode') + '"]') : null;
    if (!form || !fileInput || !button || !list || !template) return;

    function say(text, isError) {
      if (!status) return;
      status.textContent = text;
      status.classList.toggle('is-error', Boolean(isError));
    }

    root.classList.add('js-ready');

    // Photos already uploaded before a validation error re-rendered the form stay attached.
    Array.prototype.forEach.call(list.querySelectorAll('[data-photo-item][data-media-id]'), function (item) {
      var id = item.getAttribute('data-media-id');
      fetch('/api/v1/media/' + encodeURIComponent(id), { credentials: 'same-origin', headers: { Accept: 'application/json' } })
        .then(readJson)
        .then(function (media) { wireItem(item, media); })
        .catch(function () { /* the server-rendered item still carries its hidden input */ });
    });

    fileInput.addEventListener('change', function () {
      var file = fileInput.files && fileInput.files[0];
      if (!file || !previewImg) return;
      var reader = new FileReader();
      reader.onload = function () {
        previewImg.src = String(reader.result);
        previewImg.alt = 'Pratinjau: ' + file.name;
        preview.hidden = false;
      };
      reader.readAsDataURL(file);
      say('Foto dipilih. Isi teks alternatif, lalu tekan "Unggah foto".');
    });

    button.addEventListener('click', function () {
      var file = fileInput.files && fileInput.files[0];
      if (!file) { say('Pilih foto terlebih dahulu.', true); fileInput.focus(); return; }
      var data = new FormData();
      data.append('file', file);
      if (altInput && altInput.value.trim()) data.append('alt', altInput.value.trim());
      if (unitField && unitField.value) data.append('unitCode', unitField.value);
      button.disabled = true;
      say('Mengunggah…');
      fetch('/api/v1/media', {
        method: 'POST', body: data, credentials: 'same-origin',
        headers: { 'X-CSRF-Token': csrfToken(), Accept: 'application/json' },
      })
        .then(readJson)
        .then(function (media) {
          addItem(media);
          fileInput.value = '';
          if (altInput) altInput.value = '';
          if (preview) preview.hidden = true;
          say('Foto terunggah (' + media.width + '×' + media.height + ' px).' + (canBlur ? ' Seret kotak di atas wajah atau pelat nomor untuk menyamarkannya.' : ''));
        })
        .catch(function (error) { say('Unggahan ditolak: ' + error.message, true); })
        .then(function () { button.disabled = false; });
    });

    // Photos of a form posted when the session had ended come back with the rest of the form (console.js).
    root.addEventListener('gaung:restore-media', function (event) {
      (event.detail || []).forEach(function (id) {
        if (list.querySelector('[data-media-id="' + CSS.escape(id) + '"]')) return;
        fetch('/api/v1/media/' + encodeURIComponent(id), { credentials: 'same-origin', headers: { Accept: 'application/json' } })
          .then(readJson)
          .then(function (media) { addItem(media); say('Foto yang sudah diunggah dipasang kembali.'); })
          .catch(function () { /* gone or outside scope: nothing to restore */ });
      });
    });

    function addItem(media) {
      var fragment = template.content.cloneNode(true);
      var item = fragment.querySelector('[data-photo-item]');
      item.setAttribute('data-media-id', media.id);
      var hidden = document.createElement('input');
      hidden.type = 'hidden';
      hidden.name = 'mediaIds';
      hidden.value = media.id;
      item.appendChild(hidden);
      list.appendChild(fragment);
      wireItem(list.lastElementChild, media);
    }

    function wireItem(item, media) {
      var img = item.querySelector('[data-photo-image]');
      var caption = item.querySelector('[data-photo-caption]');
      var stage = item.querySelector('[data-blur-stage]');
      var tools = item.querySelector('[data-blur-tools]');
      var applyButton = item.querySelector('[data-blur-apply]');
      var clearButton = item.querySelector('[data-blur-clear]');
      var removeButton = item.querySelector('[data-photo-remove]');

      if (img) {
        img.src = renditionUrl(media, 'web');
        img.alt = media.alt || 'Foto terunggah';
      }
      if (caption) caption.textContent = (media.alt ? media.alt + ' — ' : '') + media.width + '×' + media.height + ' px';
      if (removeButton) {
        removeButton.addEventListener('click', function () {
          item.remove();
          say('Foto dilepas dari laporan ini.');
        });
      }
      if (!canBlur || !stage || !img) {
        if (tools) tools.hidden = true;
        return;
      }
      if (tools) tools.hidden = false;
      stage.style.touchAction = 'none';
      // Keyboard path: focus the photo, Enter adds a box, arrows move it, Shift+arrows resize, Delete removes.
      stage.tabIndex = 0;
      stage.setAttribute('role', 'group');
      stage.setAttribute('aria-label', 'Foto: seret untuk menandai area. Dengan papan ketik: Enter menambah kotak, panah memindah, Shift+panah mengubah ukuran, Delete menghapus.');

      // Boxes are kept as fractions of the photo (0..1), so a resized window or a re-rendered
      // image changes nothing; they become the original's pixels only when sent.
      function boxes() { return Array.prototype.slice.call(stage.querySelectorAll('[data-blur-rect]')); }
      function fractions(el) {
        return { x: Number(el.dataset.x), y: Number(el.dataset.y), w: Number(el.dataset.w), h: Number(el.dataset.h) };
      }
      function setBox(el, f) {
        f.w = Math.min(Math.max(f.w, 0.01), 1);
        f.h = Math.min(Math.max(f.h, 0.01), 1);
        f.x = Math.min(Math.max(f.x, 0), 1 - f.w);
        f.y = Math.min(Math.max(f.y, 0), 1 - f.h);
        el.dataset.x = String(f.x); el.dataset.y = String(f.y); el.dataset.w = String(f.w); el.dataset.h = String(f.h);
        el.style.left = f.x * 100 + '%';
        el.style.top = f.y * 100 + '%';
        el.style.width = f.w * 100 + '%';
        el.style.height = f.h * 100 + '%';
      }
      function newBox(f) {
        var el = document.createElement('div');
        el.className = 'blur-rect';
        el.setAttribute('data-blur-rect', '');
        stage.appendChild(el);
        setBox(el, f);
        return el;
      }
      /** The boxes in the stored original's pixels, rounded outwards and kept inside the photo. */
      function pixelRects() {
        return boxes().map(function (el) {
          var f = fractions(el);
          var x = Math.floor(f.x * media.width);
          var y = Math.floor(f.y * media.height);
          return {
            x: x, y: y,
            w: Math.max(1, Math.min(Math.ceil((f.x + f.w) * media.width), media.width) - x),
            h: Math.max(1, Math.min(Math.ceil((f.y + f.h) * media.height), media.height) - y),
          };
        });
      }
      function refreshButtons() {
        var count = boxes().length;
        if (applyButton) applyButton.disabled = count === 0;
        if (clearButton) clearButton.disabled = count === 0;
      }
      function marked() {
        refreshButtons();
        say(boxes().length + ' area ditandai. Tekan "Samarkan area" untuk menyamarkannya (tidak bisa dibatalkan).');
      }
      refreshButtons();

      var start = null;
      var box = null;
      function point(event) {
        var area = img.getBoundingClientRect();
        return {
          x: Math.min(Math.max((event.clientX - area.left) / area.width, 0), 1),
          y: Math.min(Math.max((event.clientY - area.top) / area.height, 0), 1),
        };
      }
      function span(a, b) {
        return { x: Math.min(a.x, b.x), y: Math.min(a.y, b.y), w: Math.abs(a.x - b.x), h: Math.abs(a.y - b.y) };
      }
      stage.addEventListener('pointerdown', function (event) {
        if (event.button !== undefined && event.button !== 0) return;
        event.preventDefault();
        start = point(event);
        box = newBox({ x: start.x, y: start.y, w: 0.01, h: 0.01 });
        if (stage.setPointerCapture) stage.setPointerCapture(event.pointerId);
      });
      stage.addEventListener('pointermove', function (event) {
        if (start && box) setBox(box, span(start, point(event)));
      });
      stage.addEventListener('pointerup', function (event) {
        if (!start || !box) return;
        var area = img.getBoundingClientRect();
        var f = span(start, point(event));
        if (f.w * area.width < MIN_DRAG_PX || f.h * area.height < MIN_DRAG_PX) box.remove();
        else { setBox(box, f); marked(); }
        start = null;
        box = null;
        refreshButtons();
      });
      stage.addEventListener('pointercancel', function () {
        if (box) box.remove();
        start = null;
        box = null;
      });
      stage.addEventListener('keydown', function (event) {
        var all = boxes();
        var active = all[all.length - 1];
        var step = event.altKey ? 0.005 : 0.02;
        var moves = { ArrowLeft: [-step, 0], ArrowRight: [step, 0], ArrowUp: [0, -step], ArrowDown: [0, step] };
        if (event.key === 'Enter' || event.key === ' ') {
          event.preventDefault();
          newBox({ x: 0.4, y: 0.4, w: 0.2, h: 0.2 });
          marked();
        } else if (moves[event.key] && active) {
          event.preventDefault();
          var f = fractions(active);
          var d = moves[event.key];
          if (event.shiftKey) { f.w += d[0]; f.h += d[1]; } else { f.x += d[0]; f.y += d[1]; }
          setBox(active, f);
        } else if ((event.key === 'Delete' || event.key === 'Backspace') && active) {
          event.preventDefault();
          active.remove();
          refreshButtons();
          say(boxes().length + ' area ditandai.');
        }
      });

      if (clearButton) {
        clearButton.addEventListener('click', function () {
          boxes().forEach(function (el) { el.remove(); });
          refreshButtons();
          say('Tanda area dihapus.');
        });
      }
      if (applyButton) {
        applyButton.addEventListener('click', function () {
          var rects = pixelRects();
          if (!rects.length) return;
          applyButton.disabled = true;
          say('Menyamarkan ' + rects.length + ' area…');
          fetch('/api/v1/media/' + encodeURIComponent(media.id) + '/blur', {
            method: 'PUT', credentials: 'same-origin',
            headers: { 'Content-Type': 'application/json', 'X-CSRF-Token': csrfToken(), Accept: 'application/json' },
            body: JSON.stringify({ rects: rects }),
          })
            .then(readJson)
            .then(function (updated) {
              media = updated;
              boxes().forEach(function (el) { el.remove(); });
              var count = (updated.blurRects || []).length;
              // the file behind the URL changed: ask again instead of showing the cached copy
              img.src = renditionUrl(updated, 'web') + '?v=' + count;
              item.setAttribute('data-blurred', String(count));
              say('Area disamarkan: ' + count + ' area pada foto ini.');
            })
            .catch(function (error) { say('Penyamaran ditolak: ' + error.message, true); })
            .then(refreshButtons);
        });
      }
    }
  }

  function init() {
    Array.prototype.forEach.call(document.querySelectorAll('[data-photo-upload]'), setup);
  }
  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', init);
  else init();
})();

// Story page: one channel's draft at a time (tabs, with each channel's counter and lint in its
// tab), live character counters by each channel's rule and a live preview while editing.
// Without JavaScript every draft is shown one below the other and the tabs are plain links.
(function () {
  'use strict';
  var segmenter = typeof Intl !== 'undefined' && Intl.Segmenter ? new Intl.Segmenter('id', { granularity: 'grapheme' }) : null;

  /** Graphemes (what a reader sees as one character), as the server's lint counts them. */
  function graphemes(text) {
    if (!segmenter) return Array.from(text).length;
    var n = 0;
    var it = segmenter.segment(text)[Symbol.iterator]();
    while (!it.next().done) n++;
    return n;
  }

  function measure(counting, text) {
    if (counting === 'x' && window.GaungXCount && window.GaungXRules) return window.GaungXCount.weightedLength(text);
    return graphemes(text);
  }

  function show(counter, count, max) {
    if (!counter) return;
    var target = counter.querySelector('[data-count]') || counter;
    target.textContent = target === counter ? count + ' / ' + max : String(count);
    counter.classList.toggle('over', count > max);
  }

  /* ---- tabs ---- */
  var section = document.querySelector('[data-draft-tabs]');
  var links = section ? Array.prototype.slice.call(section.querySelectorAll('a[data-tab]')) : [];
  var panels = links.map(function (link) { return document.getElementById('draf-' + link.getAttribute('data-tab')); });

  function select(index, focus) {
    links.forEach(function (link, i) {
      var on = i === index;
      link.setAttribute('aria-selected', on ? 'true' : 'false');
      link.tabIndex = on ? 0 : -1;
      if (panels[i]) panels[i].hidden = !on;
    });
    if (focus) links[index].focus();
  }

  if (links.length > 1 && panels.every(Boolean)) {
    var list = section.querySelector('.draft-tabs ul');
    list.setAttribute('role', 'tablist');
    list.setAttribute('aria-label', 'Kanal');
    section.classList.add('tabs-ready');
    links.forEach(function (link, i) {
      link.parentElement.setAttribute('role', 'presentation');
      link.setAttribute('role', 'tab');
      link.id = 'tab-' + link.getAttribute('data-tab');
      link.setAttribute('aria-controls', panels[i].id);
      link.removeAttribute('aria-current');
      panels[i].setAttribute('role', 'tabpanel');
      panels[i].setAttribute('aria-labelledby', link.id);
      link.addEventListener('click', function (event) {
        event.preventDefault();
        select(i, false);
        if (history.replaceState) history.replaceState(null, '', '#' + panels[i].id);
      });
      link.addEventListener('keydown', function (event) {
        var next = event.key === 'ArrowRight' ? i + 1 : event.key === 'ArrowLeft' ? i - 1 : event.key === 'Home' ? 0 : event.key === 'End' ? links.length - 1 : null;
        if (next === null) return;
        event.preventDefault();
        select((next + links.length) % links.length, true);
      });
    });
    // the channel in the address (after saving a draft: #draf-x), else the first
    var fromHash = function () { return panels.findIndex(function (panel) { return location.hash === '#' + panel.id; }); };
    select(Math.max(0, fromHash()), false);
    window.addEventListener('hashchange', function () { if (fromHash() >= 0) select(fromHash(), false); });
  }

  /* ---- counters and live preview while editing ---- */
  Array.prototype.forEach.call(document.querySelectorAll('.draft[data-channel]'), function (card) {
    var input = card.querySelector('[data-draft-input]');
    if (!input) return;
    var max = Number(card.getAttribute('data-max'));
    var counting = card.getAttribute('data-counting');
    var preview = card.querySelector('[data-preview]');
    var titleInput = card.querySelector('[data-title-input]');
    var previewTitle = card.querySelector('[data-preview-title]');
    var tabCount = section ? section.querySelector('a[data-tab="' + card.getAttribute('data-channel') + '"] [data-tab-count]') : null;
    function update() {
      var count = measure(counting, input.value);
      show(card.querySelector('[data-counter]'), count, max);
      show(card.querySelector('[data-counter-edit]'), count, max);
      if (tabCount) {
        tabCount.textContent = count + '/' + max;
        tabCount.classList.toggle('over', count > max);
      }
      if (preview) preview.textContent = input.value; // textContent: typed text is never HTML
    }
    input.addEventListener('input', update);
    var titleCounter = card.querySelector('[data-title-counter]');
    var maxTitle = Number(card.getAttribute('data-max-title'));
    if (titleInput) {
      titleInput.addEventListener('input', function () {
        if (previewTitle) previewTitle.textContent = titleInput.value;
        if (titleCounter) {
          var n = graphemes(titleInput.value);
          titleCounter.textContent = 'Judul: ' + n + ' / ' + maxTitle;
          titleCounter.classList.toggle('over', n > maxTitle);
        }
      });
    }
  });
})();

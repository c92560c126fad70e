// Story page: live character counters by each channel's rule and a live preview while editing.
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

  Array.prototype.forEach.call(document.querySelectorAll('article.draft'), function (card) {
    var input = card.querySelector('[data-draft-input]');
    if (!input) return;
    var max = Number(card.getAttribute('data-max'));
    var counting = card.getAttribute('data-counting');
    var preview = card.querySelector('[data-preview]');
    var titleInput = card.querySelector('[data-title-input]');
    var previewTitle = card.querySelector('[data-preview-title]');
    function update() {
      var count = measure(counting, input.value);
      show(card.querySelector('[data-counter]'), count, max);
      show(card.querySelector('[data-counter-edit]'), count, max);
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

/*
 * The monthly anev page embeds the report (GET /api/v1/reports/monthly) in a same-origin frame;
 * "Cetak" prints that frame's document alone (its own print stylesheet), not the console around it.
 *   <button type="button" data-print-frame="#report-frame">Cetak</button>
 */
(function () {
  'use strict';
  document.addEventListener('click', function (event) {
    var button = event.target.closest ? event.target.closest('[data-print-frame]') : null;
    if (!button) return;
    var frame = document.querySelector(button.getAttribute('data-print-frame'));
    try {
      frame.contentWindow.focus();
      frame.contentWindow.print();
    } catch (e) {
      window.print();
    }
  });
  // Let the frame grow to its content so the page scrolls once, not twice.
  Array.prototype.forEach.call(document.querySelectorAll('iframe[data-autosize]'), function (frame) {
    frame.addEventListener('load', function () {
      try {
        var doc = frame.contentDocument;
        if (doc && doc.documentElement) frame.style.height = doc.documentElement.scrollHeight + 24 + 'px';
      } catch (e) { /* not same-origin: keep the CSS height */ }
    });
  });
})();

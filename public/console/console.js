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
})();

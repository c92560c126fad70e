/*
 * Intake forms: repeatable rows (stages of a complaint, participants and quotes of an
 * achievement) and the quote field that only matters with quote consent.
 *
 *   [data-repeat="stages"]                     container of rows
 *     template[data-repeat-template]          one row; "__i__" in attributes becomes the row index
 *   button[data-repeat-add="stages"]          adds a row (the server renders a few empty rows already,
 *                                             so the form works without this script)
 *   [data-depends-on="consent.quote"]          shown only while that checkbox is ticked
 */
(function () {
  'use strict';

  function rowCount(container) {
    return container.querySelectorAll('[data-repeat-row]').length;
  }

  function addRow(container) {
    var template = container.querySelector('template[data-repeat-template]');
    if (!template) return;
    var max = Number(container.getAttribute('data-repeat-max') || 30);
    var index = rowCount(container);
    if (index >= max) return;
    var fragment = template.content.cloneNode(true);
    Array.prototype.forEach.call(fragment.querySelectorAll('*'), function (el) {
      Array.prototype.forEach.call(el.attributes, function (attr) {
        if (attr.value.indexOf('__i__') !== -1) el.setAttribute(attr.name, attr.value.split('__i__').join(String(index)));
      });
      if (el.textContent && el.children.length === 0 && el.textContent.indexOf('__n__') !== -1) {
        el.textContent = el.textContent.split('__n__').join(String(index + 1));
      }
    });
    var first = fragment.querySelector('input, textarea, select');
    container.insertBefore(fragment, template);
    if (first) {
      var added = container.querySelector('#' + CSS.escape(first.id));
      if (added) added.focus();
    }
  }

  document.addEventListener('click', function (event) {
    var button = event.target.closest ? event.target.closest('[data-repeat-add]') : null;
    if (!button) return;
    var container = document.querySelector('[data-repeat="' + button.getAttribute('data-repeat-add') + '"]');
    if (container) addRow(container);
  });

  function syncDependents() {
    Array.prototype.forEach.call(document.querySelectorAll('[data-depends-on]'), function (el) {
      var control = document.querySelector('[name="' + el.getAttribute('data-depends-on') + '"]');
      if (control) el.hidden = !control.checked;
    });
  }
  document.addEventListener('change', function (event) {
    if (event.target && event.target.name && document.querySelector('[data-depends-on="' + event.target.name + '"]')) syncDependents();
  });
  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', syncDependents);
  else syncDependents();
})();

/*
 * Intake forms: repeatable rows (stages of a complaint, participants and quotes of an
 * achievement), the quote field that only matters with quote consent, and the quoted official
 * picked from the participants.
 *
 *   [data-repeat="stages"]                     container of rows
 *     template[data-repeat-template]          one row; "__i__" in attributes becomes the row index,
 *                                             "__n__" in text and attributes the row number
 *     [data-repeat-remove]                    in a row: removes it (its fields are no longer posted)
 *   button[data-repeat-add="stages"]          adds a row (the server renders a few empty rows already,
 *                                             so the form works without this script)
 *   [data-depends-on="consent.quote"]          shown only while that checkbox is ticked
 *   [data-participants] rows + [data-quote-row] select[data-speaker-pick]: the select lists the
 *                                             participants typed so far; choosing one fills the
 *                                             speaker's rank, name and position
 */
(function () {
  'use strict';

  /** The next free index: after a removal the count would reuse an index still on the page. */
  function nextIndex(container) {
    var max = -1;
    Array.prototype.forEach.call(container.querySelectorAll('[data-repeat-row] [name]'), function (input) {
      var match = /\[(\d+)\]/.exec(input.getAttribute('name'));
      if (match) max = Math.max(max, Number(match[1]));
    });
    return max + 1;
  }

  function renumber(container) {
    Array.prototype.forEach.call(container.querySelectorAll('[data-repeat-row]'), function (row, i) {
      var number = row.querySelector('.row-number');
      if (number) number.textContent = number.textContent.replace(/\d+$/, String(i + 1));
    });
  }

  function addRow(container) {
    var template = container.querySelector('template[data-repeat-template]');
    if (!template) return;
    var max = Number(container.getAttribute('data-repeat-max') || 30);
    if (container.querySelectorAll('[data-repeat-row]').length >= max) return;
    var index = nextIndex(container);
    var number = container.querySelectorAll('[data-repeat-row]').length + 1;
    var fragment = template.content.cloneNode(true);
    Array.prototype.forEach.call(fragment.querySelectorAll('*'), function (el) {
      Array.prototype.forEach.call(el.attributes, function (attr) {
        if (attr.value.indexOf('__i__') !== -1 || attr.value.indexOf('__n__') !== -1) {
          el.setAttribute(attr.name, attr.value.split('__i__').join(String(index)).split('__n__').join(String(number)));
        }
      });
      Array.prototype.forEach.call(el.childNodes, function (node) {
        if (node.nodeType === 3 && node.nodeValue.indexOf('__n__') !== -1) node.nodeValue = node.nodeValue.split('__n__').join(String(number));
      });
    });
    var first = fragment.querySelector('input, textarea, select:not([data-speaker-pick])');
    container.insertBefore(fragment, template);
    refreshSpeakers();
    if (first) {
      var added = container.querySelector('#' + CSS.escape(first.id));
      if (added) added.focus();
    }
  }

  function removeRow(button) {
    var row = button.closest('[data-repeat-row]');
    var container = button.closest('[data-repeat]');
    if (!row || !container) return;
    var next = row.nextElementSibling && row.nextElementSibling.matches('[data-repeat-row]') ? row.nextElementSibling : row.previousElementSibling;
    row.remove();
    renumber(container);
    refreshSpeakers();
    var focus = next && next.querySelector('input, textarea') || container.parentElement.querySelector('[data-repeat-add]');
    if (focus) focus.focus();
  }

  document.addEventListener('click', function (event) {
    var target = event.target;
    if (!target.closest) return;
    var add = target.closest('[data-repeat-add]');
    if (add) {
      var container = document.querySelector('[data-repeat="' + add.getAttribute('data-repeat-add') + '"]');
      if (container) addRow(container);
      return;
    }
    var remove = target.closest('[data-repeat-remove]');
    if (remove) removeRow(remove);
  });

  /** The participants typed so far, as the speaker selects offer them. */
  function participants() {
    var out = [];
    Array.prototype.forEach.call(document.querySelectorAll('[data-participants] [data-repeat-row]'), function (row) {
      var value = function (part) {
        var input = row.querySelector('[name$="].' + part + '"]');
        return input ? input.value.trim() : '';
      };
      if (value('name')) out.push({ rank: value('rank'), name: value('name'), position: value('position') });
    });
    return out;
  }

  function refreshSpeakers() {
    var people = participants();
    Array.prototype.forEach.call(document.querySelectorAll('[data-speaker-pick]'), function (select) {
      var chosen = select.value;
      while (select.options.length > 1) select.remove(1);
      people.forEach(function (p, i) {
        var option = document.createElement('option');
        option.value = String(i);
        option.textContent = [p.rank, p.name].filter(Boolean).join(' ') + (p.position ? ', ' + p.position : '');
        select.appendChild(option);
      });
      if (chosen && Number(chosen) < people.length) select.value = chosen;
      var wrap = select.closest('.speaker-pick');
      if (wrap) wrap.hidden = people.length === 0;
    });
  }

  document.addEventListener('change', function (event) {
    var select = event.target;
    if (!select.matches || !select.matches('[data-speaker-pick]') || select.value === '') return;
    var person = participants()[Number(select.value)];
    var row = select.closest('[data-quote-row]');
    if (!person || !row) return;
    ['rank', 'name', 'position'].forEach(function (part) {
      var input = row.querySelector('[name$="].speaker.' + part + '"]');
      if (input) {
        input.value = person[part] || '';
        input.dispatchEvent(new Event('input', { bubbles: true }));
      }
    });
  });
  document.addEventListener('input', function (event) {
    if (event.target.closest && event.target.closest('[data-participants]')) refreshSpeakers();
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

  function init() {
    syncDependents();
    refreshSpeakers();
  }
  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', init);
  else init();
})();

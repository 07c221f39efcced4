/*
 * servicedocs site: progressive enhancement only. Every page is complete without this script.
 * - Maturity matrix (#matrix): filters by phase, tier, owner team (rows) and category (columns),
 *   and "sort by readiness" (rows by data-percent, best first).
 * - Copy buttons for the badge snippet on product pages.
 * No libraries, no network access.
 */
(function () {
  'use strict';

  function each(list, fn) {
    Array.prototype.forEach.call(list, fn);
  }

  function initMatrix() {
    var table = document.getElementById('matrix');
    var form = document.getElementById('matrix-filters');
    if (!table || !form) {
      return;
    }
    var selects = {
      phase: document.getElementById('filter-phase'),
      tier: document.getElementById('filter-tier'),
      team: document.getElementById('filter-team'),
      category: document.getElementById('filter-category')
    };
    var sortButton = document.getElementById('sort-readiness');
    var status = document.getElementById('filter-status');
    var rows = Array.prototype.slice.call(table.querySelectorAll('tr[data-product]'));
    var groups = Array.prototype.slice.call(table.querySelectorAll('tbody[data-phase-group]'));
    var columnCells = table.querySelectorAll('[data-category]');
    var columns = 0;
    each(table.querySelectorAll('thead .item-row th'), function () { columns += 1; });

    // Where each row lives in the grouped (unsorted) view, to restore it.
    rows.forEach(function (row, index) {
      row._home = row.parentNode;
      row._index = index;
    });

    var sortedBody = document.createElement('tbody');
    sortedBody.className = 'sorted-group';
    sortedBody.hidden = true;
    table.appendChild(sortedBody);

    var emptyBody = document.createElement('tbody');
    var emptyRow = document.createElement('tr');
    emptyRow.className = 'filter-empty';
    var emptyCell = document.createElement('td');
    emptyCell.colSpan = columns + 3;
    emptyCell.textContent = form.getAttribute('data-msg-none') || '';
    emptyRow.appendChild(emptyCell);
    emptyBody.appendChild(emptyRow);
    emptyBody.hidden = true;
    table.appendChild(emptyBody);

    function value(name) {
      return selects[name] ? selects[name].value : '';
    }

    function apply() {
      var phase = value('phase');
      var tier = value('tier');
      var team = value('team');
      var category = value('category');
      var shown = 0;
      rows.forEach(function (row) {
        var visible = (!phase || row.getAttribute('data-phase') === phase)
          && (!tier || row.getAttribute('data-tier') === tier)
          && (!team || row.getAttribute('data-team') === team);
        row.hidden = !visible;
        if (visible) {
          shown += 1;
        }
      });
      var sorted = sortButton && sortButton.getAttribute('aria-pressed') === 'true';
      groups.forEach(function (group) {
        var any = group.querySelector('tr[data-product]:not([hidden])');
        group.hidden = sorted || !any;
      });
      sortedBody.hidden = !sorted;
      each(columnCells, function (cell) {
        cell.hidden = !!category && cell.getAttribute('data-category') !== category;
      });
      emptyBody.hidden = shown > 0;
      if (status) {
        var message = form.getAttribute('data-msg-shown') || '{shown}/{total}';
        status.textContent = message.replace('{shown}', String(shown)).replace('{total}', String(rows.length));
      }
    }

    function number(row, name) {
      var n = parseInt(row.getAttribute(name), 10);
      return isNaN(n) ? -1 : n;
    }

    function setSorted(on) {
      if (!sortButton) {
        return;
      }
      sortButton.setAttribute('aria-pressed', on ? 'true' : 'false');
      table.classList.toggle('is-sorted', on);
      if (on) {
        var ordered = rows.slice().sort(function (a, b) {
          return number(b, 'data-percent') - number(a, 'data-percent')
            || (b.getAttribute('data-ready') === 'true') - (a.getAttribute('data-ready') === 'true')
            || number(b, 'data-next-percent') - number(a, 'data-next-percent')
            || a.getAttribute('data-name').localeCompare(b.getAttribute('data-name'));
        });
        ordered.forEach(function (row) { sortedBody.appendChild(row); });
      } else {
        rows.forEach(function (row) { row._home.appendChild(row); });
      }
      apply();
    }

    Object.keys(selects).forEach(function (name) {
      if (selects[name]) {
        selects[name].addEventListener('change', apply);
      }
    });
    if (sortButton) {
      sortButton.addEventListener('click', function () {
        setSorted(sortButton.getAttribute('aria-pressed') !== 'true');
      });
    }
    form.addEventListener('reset', function () {
      // Let the browser reset the selects first.
      window.setTimeout(function () { setSorted(false); }, 0);
    });
    form.addEventListener('submit', function (event) { event.preventDefault(); });

    form.hidden = false;
    apply();
  }

  function initCopyButtons() {
    each(document.querySelectorAll('button[data-copy]'), function (button) {
      var source = document.getElementById(button.getAttribute('data-copy'));
      if (!source) {
        return;
      }
      var label = button.textContent;
      button.hidden = false;
      button.addEventListener('click', function () {
        var done = function () {
          button.textContent = button.getAttribute('data-copied') || label;
          window.setTimeout(function () { button.textContent = label; }, 2000);
        };
        source.focus();
        source.select();
        if (navigator.clipboard && window.isSecureContext) {
          navigator.clipboard.writeText(source.value).then(done, function () { /* text stays selected */ });
        } else {
          try {
            if (document.execCommand('copy')) {
              done();
            }
          } catch (e) {
            /* text stays selected for a manual copy */
          }
        }
      });
    });
  }

  /*
   * Tables with class "sortable": each heading with data-sort ("number" or "text") becomes a
   * button that sorts the rows by the cells' data-value, and again to reverse. The table is
   * complete and sorted by the server without it.
   */
  function initSortableTables() {
    Array.prototype.forEach.call(document.querySelectorAll('table.sortable'), function (table) {
      var headings = Array.prototype.slice.call(table.querySelectorAll('thead th'));
      var body = table.tBodies[0];
      headings.forEach(function (th, column) {
        var kind = th.getAttribute('data-sort');
        if (!kind) {
          return;
        }
        var button = document.createElement('button');
        button.type = 'button';
        while (th.firstChild) {
          button.appendChild(th.firstChild);
        }
        th.appendChild(button);
        button.addEventListener('click', function () {
          var descending = th.getAttribute('aria-sort') !== 'descending';
          headings.forEach(function (other) { other.removeAttribute('aria-sort'); });
          th.setAttribute('aria-sort', descending ? 'descending' : 'ascending');
          var rows = Array.prototype.slice.call(body.rows);
          rows.sort(function (a, b) {
            var x = a.cells[column].getAttribute('data-value') || '';
            var y = b.cells[column].getAttribute('data-value') || '';
            var order;
            if (kind === 'number') {
              // empty values sort last whatever the direction
              if (x === '' || y === '') {
                return (x === '' ? 1 : 0) - (y === '' ? 1 : 0);
              }
              order = parseFloat(x) - parseFloat(y);
            } else {
              order = x.localeCompare(y);
            }
            return descending ? -order : order;
          });
          rows.forEach(function (row) { body.appendChild(row); });
        });
      });
    });
  }

  function init() {
    initMatrix();
    initCopyButtons();
    initSortableTables();
  }

  if (document.readyState === 'loading') {
    document.addEventListener('DOMContentLoaded', init);
  } else {
    init();
  }
}());

// Dashboard charts drawn in the browser with chart.js (served by the app) from GET /api/v1/reports/summary.
// When the reports API fails (or is absent), the page says so and keeps working without charts.
(function () {
  'use strict';
  var status = document.getElementById('chart-status');
  if (!status) return;
  var url = status.getAttribute('data-summary-url');
  var weeks = (status.getAttribute('data-weeks') || '').split(',').filter(Boolean).map(function (w) { return w.split(':'); });
  var KINDS = { complaint: 'Pengaduan', feedback: 'Apresiasi warga', achievement: 'Prestasi' };
  var CHANNELS = { website: 'Situs', x: 'X', instagram: 'Instagram', facebook: 'Facebook', tiktok: 'TikTok', whatsapp: 'WhatsApp', telegram: 'Telegram' };
  var COLORS = ['#0a6bd1', '#146c2e', '#8a5300', '#a4161a', '#5b3fa8', '#00838f', '#555'];

  function summary(from, to) {
    var query = from ? '?from=' + encodeURIComponent(from) + '&to=' + encodeURIComponent(to) : '';
    return fetch(url + query, { credentials: 'same-origin', headers: { Accept: 'application/json' } }).then(function (r) {
      if (!r.ok) throw new Error('HTTP ' + r.status);
      return r.json();
    });
  }

  function chart(id, config) {
    var canvas = document.getElementById(id);
    if (!canvas || !window.Chart) return;
    config.options = Object.assign({ responsive: true, maintainAspectRatio: false, animation: false }, config.options || {});
    new window.Chart(canvas, config);
  }

  function hours(seconds) { return seconds == null ? '–' : (seconds / 3600).toFixed(1).replace('.', ',') + ' jam'; }

  var weekly = Promise.all(weeks.map(function (w) { return summary(w[0], w[1]); }));
  Promise.all([summary(), weekly]).then(function (results) {
    var month = results[0];
    var perWeek = results[1];
    if (!window.Chart) throw new Error('chart.js missing');
    chart('chart-weekly', {
      type: 'bar',
      data: {
        labels: weeks.map(function (w) { return w[0].slice(8, 10) + '/' + w[0].slice(5, 7); }),
        datasets: Object.keys(KINDS).map(function (kind, i) {
          return { label: KINDS[kind], backgroundColor: COLORS[i], data: perWeek.map(function (s) { return (s.stories && s.stories.byKind && s.stories.byKind[kind]) || 0; }) };
        }),
      },
      options: { scales: { x: { stacked: true }, y: { stacked: true, beginAtZero: true, ticks: { precision: 0 } } } },
    });
    var delay = month.resolutionToPublication || { distribution: [] };
    chart('chart-latency', {
      type: 'bar',
      data: {
        labels: delay.distribution.map(function (d) { return d.label; }),
        datasets: [{ label: 'Cerita (median ' + hours(delay.medianSeconds) + ', p90 ' + hours(delay.p90Seconds) + ')', backgroundColor: COLORS[0], data: delay.distribution.map(function (d) { return d.count; }) }],
      },
      options: { scales: { y: { beginAtZero: true, ticks: { precision: 0 } } } },
    });
    var channels = (month.publications && month.publications.byChannel) || [];
    chart('chart-channels', {
      type: 'bar',
      data: {
        labels: channels.map(function (c) { return CHANNELS[c.channel] || c.channel; }),
        datasets: [
          { label: 'Terbit', backgroundColor: COLORS[1], data: channels.map(function (c) { return c.byOutcome.published || 0; }) },
          { label: 'Gagal / belum pasti', backgroundColor: COLORS[3], data: channels.map(function (c) { return (c.byOutcome.failed || 0) + (c.byOutcome.unconfirmed || 0); }) },
          { label: 'Menunggu posting manual', backgroundColor: COLORS[2], data: channels.map(function (c) { return c.byOutcome.awaiting_manual || 0; }) },
          { label: 'Lainnya', backgroundColor: COLORS[6], data: channels.map(function (c) { return c.total - (c.byOutcome.published || 0) - (c.byOutcome.failed || 0) - (c.byOutcome.unconfirmed || 0) - (c.byOutcome.awaiting_manual || 0); }) },
        ],
      },
      options: { indexAxis: 'y', scales: { x: { stacked: true, beginAtZero: true, ticks: { precision: 0 } }, y: { stacked: true } } },
    });
    status.textContent = 'Periode ' + month.period.from + ' s.d. ' + month.period.to + ' · ' + month.stories.total + ' cerita, ' + month.publications.total + ' publikasi.';
    status.setAttribute('data-state', 'ready');
  }).catch(function () {
    status.textContent = 'Grafik belum dapat dimuat (layanan laporan tidak tersedia). Data lain di halaman ini tetap terbaru.';
    status.setAttribute('data-state', 'failed');
  });
})();

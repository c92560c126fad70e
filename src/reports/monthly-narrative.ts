import type { MonthlyReport } from './monthly-report.service';
import { durationText, numberText } from './report-labels';
import { monthName } from './report-period';

/** "naik 3 dari Oktober 2026" / "turun 2 ..." / "sama dengan ...". */
function trend(current: number, previous: number, previousLabel: string): string {
  if (current === previous) return `sama dengan ${previousLabel}`;
  return `${current > previous ? 'naik' : 'turun'} ${numberText(Math.abs(current - previous))} dari ${previousLabel}`;
}

/**
 * A few plain Indonesian sentences above the figures of the monthly anev report: what was
 * produced, how fast it went out, who picked it up, and what is late. Built from the same
 * summary as the tables, so words and figures never disagree; no statistics jargon.
 */
export function monthlyNarrative(report: MonthlyReport): string[] {
  const { current: c, previous: p, unit } = report;
  const month = monthName(report.month);
  const before = monthName(report.previousMonth);
  const published = c.publications.byOutcome.published ?? 0;
  const out: string[] = [];
  out.push(`Pada ${month}, ${unit.name} dan jajarannya membuat ${numberText(c.stories.total)} cerita (${trend(c.stories.total, p.stories.total, before)}); `
    + `${numberText(c.stories.byStatus.published ?? 0)} di antaranya sudah terbit, dengan ${numberText(published)} publikasi di semua kanal.`);
  const r = c.resolutionToPublication;
  if (r.count > 0 && r.medianSeconds !== null) {
    out.push(`${numberText(r.count)} pengaduan yang selesai ditangani terbit bulan ini: separuhnya terbit dalam ${durationText(r.medianSeconds)} setelah selesai`
      + `${r.p90Seconds !== null ? `, dan 9 dari 10 dalam ${durationText(r.p90Seconds)}` : ''}.`);
  } else {
    out.push('Belum ada pengaduan selesai yang terbit bulan ini.');
  }
  if (c.pickups.total > 0) {
    const top = [...c.pickups.byPartner].sort((a, b) => b.pickups - a.pickups)[0];
    out.push(`Berita kita dimuat ulang ${numberText(c.pickups.total)} kali oleh ${numberText(c.pickups.byPartner.length)} media mitra; terbanyak oleh ${top.name} (${numberText(top.pickups)} kali).`);
  } else {
    out.push('Belum ada berita yang terdeteksi dimuat ulang oleh media mitra.');
  }
  const failed = c.publications.byOutcome.failed ?? 0;
  const late = c.overdueReviews.inPeriod;
  if (late > 0 || failed > 0) {
    const parts = [late > 0 ? `${numberText(late)} tinjauan melewati batas waktu` : null, failed > 0 ? `${numberText(failed)} publikasi gagal` : null].filter(Boolean);
    out.push(`Perlu perhatian: ${parts.join(' dan ')}.`);
  }
  return out;
}

/** The analysis report as a small table for a person at a terminal. */
import type { AnalysisReport } from '../core/engine/analysis.ts';
import type { Language } from '../core/i18n/messages.ts';

const L = {
  en: { reps: 'Full reps', partial: 'Partial reps', holds: 'Holds (s)', rep: 'rep', start: 'start', end: 'end', peak: 'peak', hold: 'hold', faults: 'faults', cues: 'Cues', warnings: 'Warnings', none: 'none', partialRep: 'partial', missing: 'Partial reps missed' },
  nl: { reps: 'Volledige herhalingen', partial: 'Gedeeltelijke herhalingen', holds: 'Vastgehouden (s)', rep: 'herh.', start: 'start', end: 'eind', peak: 'piek', hold: 'vast', faults: 'fouten', cues: 'Aanwijzingen', warnings: 'Waarschuwingen', none: 'geen', partialRep: 'deels', missing: 'Wat de gedeeltelijke herhalingen misten' },
} as const;

const s1 = (ms: number): string => (ms / 1000).toFixed(1);

export function formatReportTable(report: AnalysisReport, lang: Language): string {
  const l = L[lang];
  const lines: string[] = [];
  lines.push(`${report.exercise}${report.variant ? ` (${report.variant})` : ''} · ${report.source} · ${report.model}`);
  lines.push(`${l.reps}: ${report.reps}   ${l.partial}: ${report.partialReps}   ${l.holds}: ${report.holds.join(', ') || l.none}`);
  lines.push('');
  lines.push(`${l.rep.padEnd(8)}${l.start.padStart(7)}${l.end.padStart(7)}${l.peak.padStart(8)}${l.hold.padStart(7)}  ${l.faults}`);
  for (const r of report.repDetails) {
    const name = r.full ? String(r.index) : l.partialRep;
    lines.push(`${name.padEnd(8)}${s1(r.startMs).padStart(7)}${s1(r.endMs).padStart(7)}${r.peak.toFixed(1).padStart(8)}${r.holdS.toFixed(1).padStart(7)}  ${r.faults.join(', ') || '-'}`);
  }
  if (report.partials.length) {
    lines.push('');
    lines.push(`${l.missing}:`);
    for (const p of report.partials) lines.push(`  ${s1(p.startMs).padStart(6)}-${s1(p.endMs)} s  ${p.text ?? '-'}`);
  }
  lines.push('');
  lines.push(`${l.cues}:`);
  for (const c of report.cues) lines.push(`  ${s1(c.t).padStart(6)} s  ${c.text}`);
  if (report.warnings.length) {
    lines.push(`${l.warnings}:`);
    for (const w of report.warnings) lines.push(`  ${s1(w.t).padStart(6)} s  ${w.key}${w.detail ? `: ${w.detail}` : ''}`);
  }
  return lines.join('\n');
}

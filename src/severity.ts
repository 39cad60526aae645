/**
 * The three severities of a finding, defined once for the CLI, the batch and the panes: how they sort, the word a
 * clerk reads, and the fill of a marked cell (the light red, yellow and blue a clerk knows from Excel's own
 * conditional formats).
 */

export type Severity = 'error' | 'warning' | 'info';

export interface SeverityStyle {
  /** 0 first: errors before warnings before notes. */
  rank: number;
  word: string;
  /** '#RRGGBB', as the panes write it; argbOf gives the .xlsx form. */
  fill: string;
}

export const SEVERITIES: Readonly<Record<Severity, SeverityStyle>> = {
  error: { rank: 0, word: '错误', fill: '#FFC7CE' },
  warning: { rank: 1, word: '警告', fill: '#FFEB9C' },
  info: { rank: 2, word: '提示', fill: '#DDEBF7' },
};

/** Every severity, most serious first. */
export const SEVERITY_LIST: readonly Severity[] = (Object.keys(SEVERITIES) as Severity[]).sort((a, b) => SEVERITIES[a].rank - SEVERITIES[b].rank);

/** For sort(): the more serious first. */
export const bySeverity = (a: { severity: Severity }, b: { severity: Severity }): number => SEVERITIES[a.severity].rank - SEVERITIES[b.severity].rank;

/** '#FFC7CE' → 'FFFFC7CE': the opaque ARGB an .xlsx fill is written in. */
export const argbOf = (fill: string): string => `FF${fill.slice(1).toUpperCase()}`;

/** How many findings there are of each severity. */
export function countBySeverity(findings: readonly { severity: Severity }[]): Record<Severity, number> {
  const counts: Record<Severity, number> = { error: 0, warning: 0, info: 0 };
  for (const f of findings) counts[f.severity]++;
  return counts;
}

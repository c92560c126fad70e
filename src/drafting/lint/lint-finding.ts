export type Severity = 'error' | 'warning';

/** One lint finding on a draft: errors block approval (unless overridden), warnings do not. */
export interface LintFinding {
  code: string;
  severity: Severity;
  /** In Indonesian, for the Humas officer. */
  message: string;
  /** Where in the body (or title) the problem is, to show it next to the text. */
  field?: 'title' | 'body';
  start?: number;
  end?: number;
}

export const hasErrors = (findings: LintFinding[]) => findings.some((f) => f.severity === 'error');

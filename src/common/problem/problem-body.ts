import type { FieldError } from './problem.exception';

export const PROBLEM_CONTENT_TYPE = 'application/problem+json';

export interface ProblemBody {
  type: string;
  title: string;
  status: number;
  detail?: string;
  code: string;
  errors?: FieldError[];
  [extension: string]: unknown;
}

/** A stable, dereferenceable-by-documentation identifier for each problem code. */
export const problemType = (code: string) => `urn:gaung:problem:${code}`;

export function problemBody(
  status: number,
  code: string,
  title: string,
  detail?: string,
  errors?: FieldError[],
  extensions: Record<string, unknown> = {},
): ProblemBody {
  // Extensions never replace the standard members (RFC 9457 §3.2): a story's state goes in `state`.
  const body: ProblemBody = { ...extensions, type: problemType(code), title, status, code };
  if (detail) body.detail = detail;
  if (errors && errors.length > 0) body.errors = errors;
  return body;
}

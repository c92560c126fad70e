import { ValidationPipe, type ValidationError } from '@nestjs/common';
import { getMetadataStorage } from 'class-validator';
import { ProblemException, type FieldError } from '../problem/problem.exception';

/**
 * A field error as the API answers it: `field` (dotted/indexed path), a stable `code` saying what
 * is wrong, the limit when the rule has one (`min`, `max`), and a `message`. The code and the
 * limit let a client (the console, a partner system) say it in its own words; the message is
 * English unless the caller asked for Indonesian (Accept-Language, see localise-problems).
 */
export interface FieldProblem extends FieldError {
  code?: FieldErrorCode;
  min?: number;
  max?: number;
}

export type FieldErrorCode =
  | 'required' | 'too_short' | 'too_long' | 'too_few' | 'too_many' | 'duplicate' | 'not_in_list' | 'invalid_format'
  | 'invalid_datetime' | 'invalid_email' | 'invalid_url' | 'invalid_id' | 'invalid_type' | 'out_of_range' | 'unknown_field'
  | 'before_received' | 'in_future' | 'in_past' | 'not_found' | 'out_of_scope' | 'one_leader' | 'invalid';

/** class-validator's constraint names as our codes (a constraint not listed is `invalid`). */
const CONSTRAINT_CODES: Record<string, FieldErrorCode> = {
  isDefined: 'required', isNotEmpty: 'required', nestedValidation: 'invalid_type', isObject: 'invalid_type',
  isString: 'invalid_type', isInt: 'invalid_type', isNumber: 'invalid_type', isBoolean: 'invalid_type', isArray: 'invalid_type',
  minLength: 'too_short', maxLength: 'too_long', arrayMinSize: 'too_few', arrayMaxSize: 'too_many', arrayUnique: 'duplicate',
  isIn: 'not_in_list', isEnum: 'not_in_list', matches: 'invalid_format', isDate: 'invalid_datetime', isEmail: 'invalid_email',
  isUrl: 'invalid_url', isUuid: 'invalid_id', min: 'out_of_range', max: 'out_of_range', whitelistValidation: 'unknown_field',
  unknownValue: 'invalid_type',
};

/** Flattens class-validator's tree into one entry per bad field (its messages joined), with dotted/indexed paths. */
export function flattenValidationErrors(errors: ValidationError[], parent = ''): FieldProblem[] {
  const byField = new Map<string, FieldProblem[]>();
  for (const problem of collect(errors, parent)) byField.set(problem.field, [...(byField.get(problem.field) ?? []), problem]);
  return [...byField].map(([field, problems]) => merge(field, problems));
}

/** Several broken rules of one field: the first rule's code (the most basic: required before too short), every message. */
function merge(field: string, problems: FieldProblem[]): FieldProblem {
  const first = [...problems].sort((a, b) => rank(a.code) - rank(b.code))[0];
  const merged: FieldProblem = { field, code: first.code, message: problems.map((p) => p.message).join('; ') };
  for (const p of problems) {
    if (p.min !== undefined) merged.min = p.min;
    if (p.max !== undefined) merged.max = p.max;
  }
  return merged;
}

const ORDER: FieldErrorCode[] = ['unknown_field', 'required', 'invalid_type'];
const rank = (code: FieldErrorCode | undefined) => {
  const at = ORDER.indexOf(code ?? 'invalid');
  return at < 0 ? ORDER.length : at;
};

function collect(errors: ValidationError[], parent: string): FieldProblem[] {
  const out: FieldProblem[] = [];
  for (const error of errors) {
    const field = /^\d+$/.test(error.property)
      ? `${parent}[${error.property}]`
      : parent ? `${parent}.${error.property}` : error.property;
    for (const [constraint, message] of Object.entries(error.constraints ?? {})) {
      out.push({ field, ...codeOf(constraint, error), message: message.replace(/^(an instance of \w+ |property )?/, '') });
    }
    if (error.children?.length) out.push(...collect(error.children, field));
  }
  return out;
}

/** The code of a broken constraint, and its limit read from the DTO's own metadata (MaxLength(2000) -> max 2000). */
function codeOf(constraint: string, error: ValidationError): Pick<FieldProblem, 'code' | 'min' | 'max'> {
  const code = CONSTRAINT_CODES[constraint] ?? 'invalid';
  const limit = constraintArgument(error, constraint);
  // MinLength(1) is how the DTOs say "must not be empty": for a person that is simply "required".
  if (code === 'too_short' && limit === 1) return { code: 'required' };
  if (typeof limit !== 'number') return { code };
  if (constraint === 'maxLength' || constraint === 'arrayMaxSize' || constraint === 'max') return { code, max: limit };
  return { code, min: limit };
}

function constraintArgument(error: ValidationError, constraint: string): unknown {
  const target = error.target as object | undefined;
  if (!target || !['minLength', 'maxLength', 'arrayMinSize', 'arrayMaxSize', 'min', 'max'].includes(constraint)) return undefined;
  const metadata = getMetadataStorage().getTargetValidationMetadatas(target.constructor, '', true, false);
  return metadata.find((m) => m.propertyName === error.property && m.name === constraint)?.constraints?.[0];
}

/**
 * The global pipe: unknown properties are refused (not silently dropped), values are converted
 * to the DTO types, and every error becomes one problem+json entry naming its field.
 * (`target` is kept on the errors only to read each rule's limit; neither targets nor values
 * ever leave the service.)
 */
export function createValidationPipe(): ValidationPipe {
  return new ValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    forbidUnknownValues: true,
    transform: true,
    transformOptions: { enableImplicitConversion: false },
    validationError: { target: true, value: false },
    stopAtFirstError: false,
    exceptionFactory: (errors) => ProblemException.validation(flattenValidationErrors(errors)),
  });
}

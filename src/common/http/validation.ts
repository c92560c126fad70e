import { ValidationPipe, type ValidationError } from '@nestjs/common';
import { ProblemException, type FieldError } from '../problem/problem.exception';

/** Flattens class-validator's tree into one entry per bad field (its messages joined), with dotted/indexed paths. */
export function flattenValidationErrors(errors: ValidationError[], parent = ''): FieldError[] {
  const byField = new Map<string, string[]>();
  for (const { field, message } of collect(errors, parent)) byField.set(field, [...(byField.get(field) ?? []), message]);
  return [...byField].map(([field, messages]) => ({ field, message: messages.join('; ') }));
}

function collect(errors: ValidationError[], parent: string): FieldError[] {
  const out: FieldError[] = [];
  for (const error of errors) {
    const field = /^\d+$/.test(error.property)
      ? `${parent}[${error.property}]`
      : parent ? `${parent}.${error.property}` : error.property;
    for (const message of Object.values(error.constraints ?? {})) {
      out.push({ field, message: message.replace(/^(an instance of \w+ |property )?/, '') });
    }
    if (error.children?.length) out.push(...collect(error.children, field));
  }
  return out;
}

/**
 * The global pipe: unknown properties are refused (not silently dropped), values are converted
 * to the DTO types, and every error becomes one problem+json entry naming its field.
 */
export function createValidationPipe(): ValidationPipe {
  return new ValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    forbidUnknownValues: true,
    transform: true,
    transformOptions: { enableImplicitConversion: false },
    validationError: { target: false, value: false },
    stopAtFirstError: false,
    exceptionFactory: (errors) => ProblemException.validation(flattenValidationErrors(errors)),
  });
}

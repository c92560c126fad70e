import { ParseEnumPipe, ParseUUIDPipe } from '@nestjs/common';
import { ProblemException } from '../problem/problem.exception';

/**
 * A path id that must be a UUID: anything else is a 400 naming the parameter, so a malformed
 * id can never reach a query (and never match "the first row").
 */
export const uuidParam = (name = 'id') =>
  new ParseUUIDPipe({
    version: undefined,
    exceptionFactory: () => ProblemException.validation([{ field: name, message: `${name} must be a UUID` }]),
  });

/** A path parameter that must be one of `values`: anything else is a 400 naming the parameter. */
export const enumParam = (name: string, values: readonly string[]) =>
  new ParseEnumPipe(Object.fromEntries(values.map((v) => [v, v])), {
    exceptionFactory: () => ProblemException.validation([{ field: name, message: `${name} must be one of ${values.join(', ')}` }]),
  });

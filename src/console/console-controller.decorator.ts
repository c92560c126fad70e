import { applyDecorators, Controller, UseFilters } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { ConsoleExceptionFilter } from './console-exception.filter';

/**
 * A console (HTML) controller: outside /api, absent from OpenAPI, and every error answered as an
 * HTML page (401 becomes a 303 to /login?next=...) instead of problem+json.
 */
export const ConsoleController = (path = '') => applyDecorators(Controller(path), ApiExcludeController(), UseFilters(ConsoleExceptionFilter));

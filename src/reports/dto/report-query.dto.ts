import { IsIn, IsOptional, Matches } from 'class-validator';
import { UNIT_CODE } from '../../units/dto/unit.dto';

const DATE = /^\d{4}-\d{2}-\d{2}$/;

export class ReportQueryDto {
  /** First calendar day of the period in the unit's zone (YYYY-MM-DD, inclusive). Default: 29 days before `to`. */
  @IsOptional()
  @Matches(DATE, { message: 'from must be a calendar date YYYY-MM-DD' })
  from?: string;

  /** Last calendar day of the period in the unit's zone (YYYY-MM-DD, inclusive). Default: today. At most 366 days in all. */
  @IsOptional()
  @Matches(DATE, { message: 'to must be a calendar date YYYY-MM-DD' })
  to?: string;

  /** The unit whose subtree (the unit and every unit below it) is reported. Default: the caller's unit (required for an admin). */
  @IsOptional()
  @Matches(UNIT_CODE, { message: 'unitCode must be a unit code' })
  unitCode?: string;
}

export class MonthlyQueryDto {
  /** The unit whose subtree is reported. Default: the caller's unit (required for an admin). */
  @IsOptional()
  @Matches(UNIT_CODE, { message: 'unitCode must be a unit code' })
  unitCode?: string;

  /** The calendar month in the unit's zone, YYYY-MM. */
  @Matches(/^\d{4}-(0[1-9]|1[0-2])$/, { message: 'month must be YYYY-MM, e.g. 2026-11' })
  month: string;

  /** html (default): the printable page; json: the same figures as data. */
  @IsOptional()
  @IsIn(['html', 'json'])
  format?: 'html' | 'json';
}

import { Injectable, type PipeTransform } from '@nestjs/common';
import { ProblemException } from '../common/problem/problem.exception';
import { UNIT_CODE } from './dto/unit.dto';

/** A unit code in a path must look like one before any query runs. */
@Injectable()
export class UnitCodePipe implements PipeTransform<string, string> {
  transform(value: string): string {
    if (typeof value !== 'string' || !UNIT_CODE.test(value)) {
      throw ProblemException.validation([{ field: 'code', message: 'code must be a unit code such as POLRES-JAKSEL' }]);
    }
    return value;
  }
}

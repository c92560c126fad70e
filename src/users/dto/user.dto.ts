import { ApiProperty } from '@nestjs/swagger';
import { IsBoolean, IsIn, IsOptional, IsString, Matches, MaxLength, MinLength } from 'class-validator';
import { PageQueryDto } from '../../common/http/pagination';
import { UNIT_CODE } from '../../units/dto/unit.dto';
import { ROLES, type Role } from '../user.entity';

export class CreateUserDto {
  @ApiProperty({ example: 'humas.kebayoran' })
  @Matches(/^[A-Za-z0-9._-]{3,64}$/, { message: 'username must be 3-64 letters, digits, dots, dashes or underscores' })
  username: string;

  @ApiProperty({ example: 'Bripka Dian Lestari' })
  @IsString()
  @MinLength(1)
  @MaxLength(120)
  displayName: string;

  /** Police rank as written in releases: Kompol, AKP, Iptu, Bripka... */
  @IsOptional()
  @IsString()
  @MaxLength(40)
  rank?: string;

  @IsIn(ROLES)
  role: Role;

  /** Required for every role but admin. */
  @IsOptional()
  @Matches(UNIT_CODE, { message: 'unitCode must be a unit code' })
  unitCode?: string;

  @IsString()
  @MinLength(12, { message: 'password must be at least 12 characters' })
  @MaxLength(256)
  password: string;
}

export class UpdateUserDto {
  @IsOptional()
  @IsString()
  @MinLength(1)
  @MaxLength(120)
  displayName?: string;

  @IsOptional()
  @IsString()
  @MaxLength(40)
  rank?: string;

  @IsOptional()
  @IsIn(ROLES)
  role?: Role;

  @IsOptional()
  @Matches(UNIT_CODE, { message: 'unitCode must be a unit code' })
  unitCode?: string;

  /** false signs the user out everywhere and refuses further logins. */
  @IsOptional()
  @IsBoolean()
  active?: boolean;

  /** A new password; signs the user out everywhere. */
  @IsOptional()
  @IsString()
  @MinLength(12, { message: 'password must be at least 12 characters' })
  @MaxLength(256)
  password?: string;
}

export class ListUsersQueryDto extends PageQueryDto {
  @IsOptional()
  @Matches(UNIT_CODE, { message: 'unitCode must be a unit code' })
  unitCode?: string;

  @IsOptional()
  @IsIn(ROLES)
  role?: Role;
}

import { IsInt, IsOptional, IsString, Max, MaxLength, Min, MinLength } from 'class-validator';

export class LoginDto {
  @IsString()
  @MinLength(1)
  @MaxLength(64)
  username: string;

  @IsString()
  @MinLength(1)
  @MaxLength(256)
  password: string;
}

export class CreateTokenDto {
  /** A label to recognise the token by, e.g. "SPKT integration". */
  @IsString()
  @MinLength(1)
  @MaxLength(100)
  name: string;

  /** Days until the token expires (at most 365); omitted = 90. */
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(365)
  expiresInDays?: number;
}

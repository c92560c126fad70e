import { IsOptional, IsUUID } from 'class-validator';
import { PageQueryDto } from '../../../common/http/pagination';

export class PickupQueryDto extends PageQueryDto {
  @IsOptional()
  @IsUUID(undefined, { message: 'storyId must be a UUID' })
  storyId?: string;

  @IsOptional()
  @IsUUID(undefined, { message: 'partnerId must be a UUID' })
  partnerId?: string;
}

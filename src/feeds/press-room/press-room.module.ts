import { Module } from '@nestjs/common';
import { PressRoomController } from './press-room.controller';
import { PressRoomRepository } from './press-room.repository';
import { PressRoomViews } from './press-room.views';

/** The public press room (/rilis): server-rendered release pages, no login, not in OpenAPI. */
@Module({
  controllers: [PressRoomController],
  providers: [PressRoomRepository, PressRoomViews],
})
export class PressRoomModule {}

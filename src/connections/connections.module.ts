import { Module } from '@nestjs/common';
import { PublishingChannelsModule } from '../publishing/channels/channels.module';
import { ConnectService } from './connect.service';
import { ConnectionGate } from './connection-gate.service';
import { ConnectionsController } from './connections.controller';
import { ConnectionsRepository } from './connections.repository';
import { ConnectorRegistry } from './connector-registry';
import { MetaConnector } from './connectors/meta.connector';
import { TelegramConnector } from './connectors/telegram.connector';
import { TikTokConnector } from './connectors/tiktok.connector';
import { XConnector } from './connectors/x.connector';
import { OAuthClient } from './oauth-client';
import { AccountVerificationController, OfficialAccountsController } from './registry/official-accounts.controller';
import { OfficialAccountsRepository } from './registry/official-accounts.repository';
import { OfficialAccountsService } from './registry/official-accounts.service';
import { TokenHealthJob } from './token-health.job';
import { TokenKeeper } from './token-keeper.service';

/** Channel connections (issue 21): OAuth and bot-token connections, token upkeep, account health. */
@Module({
  imports: [PublishingChannelsModule],
  controllers: [ConnectionsController, OfficialAccountsController, AccountVerificationController],
  providers: [
    OAuthClient, XConnector, MetaConnector, TikTokConnector, TelegramConnector, ConnectorRegistry,
    ConnectionsRepository, TokenKeeper, ConnectService, ConnectionGate, TokenHealthJob, OfficialAccountsRepository, OfficialAccountsService,
  ],
  exports: [OfficialAccountsService, ConnectService, ConnectionGate, TokenKeeper, ConnectionsRepository, TokenHealthJob, ConnectorRegistry],
})
export class ConnectionsModule {}

import { Body, Get, Param, Post, Query, Req, Res } from '@nestjs/common';
import type { Response } from 'express';
import type { AuthUser } from '../../../common/auth/auth-user';
import { CurrentUser, Roles } from '../../../common/auth/auth.decorators';
import { AcceptsBody } from '../../../common/http/body-kind';
import { enumParam, uuidParam } from '../../../common/http/params';
import { ProblemException } from '../../../common/problem/problem.exception';
import { ConnectService } from '../../../connections/connect.service';
import { ConnectionError } from '../../../connections/connection.errors';
import { CONNECTABLE_CHANNELS, type OAuthProvider } from '../../../connections/connection.types';
import { STATE_LABELS } from '../../../connections/registry/official-accounts-csv';
import { OfficialAccountsService } from '../../../connections/registry/official-accounts.service';
import { UnitCodePipe } from '../../../units/unit-code.pipe';
import { ConsoleController } from '../../console-controller.decorator';
import { type FormBody, runFormAction } from '../../console-form';
import { type ConsoleRequest, ConsoleView } from '../../console-view.service';
import { redirectWithFlash } from '../../flash';

const providerParam = enumParam('provider', ['x', 'facebook', 'tiktok'] as const);
const channelParam = enumParam('channel', CONNECTABLE_CHANNELS);
const field = (body: FormBody | undefined, name: string) => (typeof body?.[name] === 'string' ? (body[name] as string).trim() : '');

/**
 * "Hubungkan akun": a unit's accounts with their connection state, the OAuth start (to the
 * platform's consent screen), the callback the platforms send the officer back to, the Page
 * choice of Facebook/Instagram, and Telegram's bot token form. Admins, and a unit's own humas
 * where the admin allowed it (the service decides).
 */
@ConsoleController('koneksi')
export class ConnectionsPageController {
  constructor(
    private readonly view: ConsoleView,
    private readonly connect: ConnectService,
    private readonly registry: OfficialAccountsService,
  ) {}

  @Get()
  @Roles('humas')
  async index(@CurrentUser() user: AuthUser, @Req() request: ConsoleRequest, @Res() response: Response, @Query('satuan') unit?: string) {
    const code = typeof unit === 'string' && /^[A-Za-z0-9-]{2,64}$/.test(unit) ? unit.toUpperCase() : undefined;
    const { items } = await this.registry.list(user, { unitCode: code });
    const units = (code ? items.filter((u) => u.unitCode === code) : items).slice(0, 50).map((u) => ({
      ...u,
      accounts: u.accounts.map((a) => ({
        ...a, stateLabel: STATE_LABELS[a.state] ?? a.state, oauth: a.channel !== 'telegram', telegram: a.channel === 'telegram',
        needsReconnect: a.state === 'reconnect_needed' || a.state === 'revoked' || a.state === 'expiring',
        startAction: `/koneksi/${u.unitCode}/${a.channel}/mulai`, verifyAction: `/koneksi/${u.unitCode}/${a.channel}/verifikasi`,
      })),
      telegramAction: `/koneksi/${u.unitCode}/telegram`, allowAction: `/koneksi/${u.unitCode}/izin-humas`,
    }));
    const model = { units, isAdmin: user.role === 'admin', callbacks: (['x', 'facebook', 'tiktok'] as const).map((p) => ({ provider: p, url: this.connect.callbackUrl(p) })) };
    await this.view.send(request, response, 'pages/connections/index', model, { title: 'Koneksi akun' });
  }

  /** Starts OAuth: 303 to the platform's consent screen. */
  @Post(':code/:channel/mulai')
  @Roles('humas')
  @AcceptsBody('form')
  async start(@CurrentUser() user: AuthUser, @Res() response: Response, @Param('code', UnitCodePipe) code: string, @Param('channel', channelParam) channel: string) {
    try {
      const { authorizationUrl } = await this.connect.start(user, code, channel);
      response.redirect(303, authorizationUrl);
    } catch (error) {
      const problem = this.connect.problem(error);
      if (problem instanceof ProblemException && problem.problem.status !== 403) {
        return redirectWithFlash(response, `/koneksi?satuan=${code}`, { kind: 'error', text: problem.problem.detail ?? 'Gagal memulai koneksi.' });
      }
      throw problem;
    }
  }

  /** Where X, Facebook and TikTok send the officer back (register this address with each app). */
  @Get('callback/:provider')
  @Roles('humas')
  async callback(@CurrentUser() user: AuthUser, @Req() request: ConsoleRequest, @Res() response: Response, @Param('provider', providerParam) provider: OAuthProvider) {
    const url = new URL(request.originalUrl, 'http://callback.invalid');
    try {
      const done = await this.connect.callback(user, provider, url);
      if (done.kind === 'choose') return response.redirect(303, `/koneksi/pilih/${done.attemptId}`);
      const waiting = done.released > 0 ? ` ${done.released} publikasi yang menunggu kini dijadwalkan.` : '';
      redirectWithFlash(response, `/koneksi?satuan=${done.unitCode}`, { kind: 'success', text: `Akun ${done.channel} ${done.handle ?? ''} terhubung.${waiting}` });
    } catch (error) {
      if (!(error instanceof ConnectionError)) throw error;
      await this.view.send(request, response, 'pages/connections/failed', { message: error.officerMessage, code: error.code }, { title: 'Koneksi gagal', status: error.code === 'provider_unreachable' ? 502 : 400 });
    }
  }

  @Get('pilih/:id')
  @Roles('humas')
  async choices(@CurrentUser() user: AuthUser, @Req() request: ConsoleRequest, @Res() response: Response, @Param('id', uuidParam()) id: string) {
    const { unitCode, channel, choices } = await this.connect.choices(user, id);
    await this.view.send(request, response, 'pages/connections/choose', { unitCode, channel, choices, action: `/koneksi/pilih/${id}` }, { title: 'Pilih Halaman' });
  }

  @Post('pilih/:id')
  @Roles('humas')
  @AcceptsBody('form')
  async choose(@CurrentUser() user: AuthUser, @Res() response: Response, @Param('id', uuidParam()) id: string, @Body() body: FormBody) {
    const done = await this.connect.choose(user, id, field(body, 'pageId'));
    redirectWithFlash(response, `/koneksi?satuan=${done.unitCode}`, { kind: 'success', text: `Akun ${done.channel} ${done.kind === 'connected' ? (done.handle ?? '') : ''} terhubung.` });
  }

  /** Telegram: a bot token and the channel, verified with getMe and getChatMember before anything is stored. */
  @Post(':code/telegram')
  @Roles('humas')
  @AcceptsBody('form')
  async telegram(@CurrentUser() user: AuthUser, @Res() response: Response, @Param('code', UnitCodePipe) code: string, @Body() body: FormBody) {
    try {
      const done = await this.connect.connectPasted(user, code, 'telegram', { botToken: field(body, 'botToken'), chatId: field(body, 'chatId') });
      redirectWithFlash(response, `/koneksi?satuan=${code}`, { kind: 'success', text: `Kanal Telegram ${done.handle ?? ''} terhubung.` });
    } catch (error) {
      // a refusal, or Telegram out of reach: the officer reads why on the same page
      if (!(error instanceof ProblemException) || error.problem.status === 403 || error.problem.status === 404) throw error;
      redirectWithFlash(response, `/koneksi?satuan=${code}`, { kind: 'error', text: error.problem.detail ?? 'Telegram tidak dapat dihubungkan.' });
    }
  }

  @Post(':code/izin-humas')
  @Roles('admin')
  @AcceptsBody('form')
  async allow(@CurrentUser() user: AuthUser, @Res() response: Response, @Param('code', UnitCodePipe) code: string, @Body() body: FormBody) {
    const allowed = field(body, 'allowed') === '1';
    await runFormAction(response, `/koneksi?satuan=${code}`, allowed ? 'Humas satuan boleh menghubungkan akunnya.' : 'Hanya admin yang menghubungkan akun satuan ini.', () => this.connect.allowHumas(user, code, allowed));
  }

  @Post(':code/:channel/verifikasi')
  @Roles('admin')
  @AcceptsBody('form')
  async verify(@CurrentUser() user: AuthUser, @Res() response: Response, @Param('code', UnitCodePipe) code: string, @Param('channel', channelParam) channel: string, @Body() body: FormBody) {
    const verified = field(body, 'verified') === '1';
    await runFormAction(response, `/koneksi?satuan=${code}`, verified ? 'Ditandai terverifikasi (diperiksa hari ini).' : 'Tanda verifikasi dicabut.', () => this.registry.markVerified(user, code, channel, verified));
  }
}

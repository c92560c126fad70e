import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Request, Response } from 'express';
import type { DataSource } from 'typeorm';
import { NotificationsService } from '../approval/notifications.service';
import { AuthService } from '../auth/auth.service';
import type { AuthUser } from '../common/auth/auth-user';
import { navFor } from './console-nav';
import { ConsoleRenderer, type LayoutModel } from './console-renderer.service';
import { takeFlash } from './flash';
import { PauseBannerRepository } from './pause-banner.repository';

export type ConsoleRequest = Request & { user?: AuthUser };

export interface PageOptions {
  /** The <title> and the page's heading. */
  title: string;
  status?: number;
  scripts?: string[];
  vendorScripts?: string[];
  /** Render without the signed-in user (the login page). */
  anonymous?: boolean;
}

/**
 * Sends a console page: the view inside the layout with the signed-in user, the navigation for
 * their role, the CSRF token (for forms and for <meta name="csrf-token">), the flash message of
 * the last POST and the unread notification count.
 */
@Injectable()
export class ConsoleView {
  constructor(
    private readonly renderer: ConsoleRenderer,
    private readonly auth: AuthService,
    private readonly notifications: NotificationsService,
    @InjectDataSource() private readonly db: DataSource,
    private readonly pauses: PauseBannerRepository,
  ) {}

  async send(request: ConsoleRequest, response: Response, view: string, model: object, options: PageOptions): Promise<void> {
    const layout = await this.layoutFor(request, response, options);
    const html = this.renderer.render(view, { ...model, csrfToken: layout.csrfToken }, layout);
    response.status(options.status ?? 200).type('html').setHeader('Cache-Control', 'no-store');
    response.send(html);
  }

  /** The CSRF token of the caller's cookie session (bearer callers need none). */
  csrfToken(user: AuthUser | undefined): string | null {
    return user ? this.auth.csrfToken(user.tokenId) : null;
  }

  private async layoutFor(request: ConsoleRequest, response: Response, options: PageOptions): Promise<LayoutModel> {
    const user = options.anonymous ? undefined : request.user;
    const [unread, pauses] = user ? await Promise.all([this.notifications.unreadCount(user.id), this.pauses.active(user)]) : [0, []];
    return {
      title: options.title,
      user: user ? { displayName: user.displayName, username: user.username, role: user.role, unitCode: await this.unitCode(user) } : null,
      nav: user ? navFor(user.role, request.path) : [],
      csrfToken: this.csrfToken(user),
      flash: takeFlash(request, response),
      unread,
      // a paused unit hears it on every page, by name and with the reason (issue 19 item 13)
      pauses: pauses.map((p) => ({ ...p, unitName: p.unitName ?? 'semua satuan' })),
      scripts: options.scripts ?? [],
      vendorScripts: options.vendorScripts ?? [],
    };
  }

  private readonly unitCodes = new Map<string, string>();

  /** Unit codes never change once made (units.code is the stable key), so a small cache spares a query per page. */
  private async unitCode(user: AuthUser): Promise<string | null> {
    if (!user.unitId) return null;
    let code = this.unitCodes.get(user.unitId);
    if (!code) {
      const [row] = await this.db.query(`SELECT code FROM unit WHERE id = $1`, [user.unitId]);
      code = row?.code as string;
      if (code && this.unitCodes.size < 10_000) this.unitCodes.set(user.unitId, code);
    }
    return code ?? null;
  }
}

import { Dispatcher } from '../../src/publishing/dispatcher.service';
import { bearer, type TestApp } from './test-app';

/**
 * Stories driven through the real API for the feed tests: intake as admin, submit, approval by a
 * humas officer of the unit (or above, as its policy wants; never the author), then the website
 * publication through the dispatcher, exactly as in production.
 */
export const APPROVER: Record<string, string> = {
  'POLDA-METRO': 'humas.metro',
  'POLRES-JAKSEL': 'humas.jaksel',
  'POLSEK-KEBAYORAN-BARU': 'humas.kebayoran',
  'POLSEK-CILANDAK': 'humas.jaksel',
  'POLSEK-DUREN-SAWIT': 'humas.jaktim',
  'POLRESTABES-MAKASSAR': 'humas.makassar',
  'POLSEK-PANAKKUKANG': 'humas.makassar',
  'POLDA-PAPUA': 'humas.papua',
  'POLRESTA-JAYAPURA': 'humas.papua',
};

export type IntakeKind = 'complaints' | 'feedback' | 'achievements';

let seq = 0;

/** A resolved complaint; `over` replaces fields (e.g. hostile text in summary and resolution). */
export function complaintFor(unitCode: string, over: Record<string, unknown> = {}) {
  seq += 1;
  return {
    externalRef: `FEED-${Date.now()}-${seq}`, unitCode, category: 'kemacetan', channel: 'call_center_110',
    receivedAt: '2026-11-10T00:45:00Z', resolvedAt: '2026-11-10T01:30:00Z',
    location: { subdistrict: 'Gunung', district: 'Kebayoran Baru', city: 'Jakarta Selatan' },
    summary: `Kemacetan panjang di persimpangan, laporan nomor ${seq}.`, resolution: 'Petugas mengatur arus hingga kembali lancar.',
    stages: [{ at: '2026-11-10T00:58:00Z', label: 'Petugas tiba di lokasi' }], complainant: { name: 'Budi Santoso' }, consent: { level: 'none', quote: false },
    ...over,
  };
}

export class FeedStories {
  private readonly tokens = new Map<string, string>();

  constructor(private readonly t: TestApp) {}

  async as(username: string) {
    if (!this.tokens.has(username)) this.tokens.set(username, await this.t.login(username));
    return bearer(this.tokens.get(username)!);
  }

  /** Intake as admin; the story id, or null when the item makes no story (e.g. poor feedback). */
  async create(kind: IntakeKind, item: Record<string, unknown>): Promise<string | null> {
    const response = await this.t.http.post(`/api/v1/${kind}`).set(await this.as('admin')).send(item);
    if (response.status !== 201) throw new Error(`intake ${kind}: ${response.status} ${JSON.stringify(response.body)}`);
    return (response.body.storyId as string | null) ?? null;
  }

  /** submit + approve (with an optional embargo); lint errors are overridden, as an officer may. */
  async approve(storyId: string, unitCode: string, extra: Record<string, unknown> = {}): Promise<void> {
    await this.t.http.post(`/api/v1/stories/${storyId}/submit`).set(await this.as('admin')).expect(200);
    const approved = await this.t.http.post(`/api/v1/stories/${storyId}/approve`).set(await this.as(APPROVER[unitCode]))
      .send({ channels: ['website'], override: true, reason: 'uji otomatis feed', ...extra });
    if (approved.status !== 200) throw new Error(`approve: ${approved.status} ${JSON.stringify(approved.body)}`);
  }

  /** Schedules the website publication and lets the dispatcher publish it. */
  async publish(storyId: string, unitCode: string): Promise<void> {
    await this.t.http.post(`/api/v1/stories/${storyId}/schedule`).set(await this.as(APPROVER[unitCode])).send({}).expect(200);
    await this.t.app.get(Dispatcher).tick();
    const [row] = await this.t.dataSource.query(`SELECT status FROM story WHERE id = $1`, [storyId]);
    if (row.status !== 'published') throw new Error(`story ${storyId} is ${row.status}, not published`);
  }

  async published(kind: IntakeKind, item: Record<string, unknown>): Promise<string> {
    const id = await this.create(kind, item);
    if (!id) throw new Error('no story');
    await this.approve(id, item.unitCode as string);
    await this.publish(id, item.unitCode as string);
    return id;
  }

  async withdraw(storyId: string, unitCode: string): Promise<void> {
    await this.t.http.post(`/api/v1/stories/${storyId}/withdraw`).set(await this.as(APPROVER[unitCode])).send({ reason: 'ditarik untuk uji' }).expect(200);
  }
}

/** Waits until `check` holds (feeds refresh on each instance's own check interval). */
export async function eventually(check: () => Promise<boolean>, timeoutMs = 5_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`not true within ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

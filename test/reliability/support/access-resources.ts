import { noisyPhoto } from '../../support/images';
import { bearer, type TestApp } from '../../support/test-app';
import { TokenService } from '../../../src/auth/token.service';
import { Dispatcher } from '../../../src/publishing/dispatcher.service';

/** Inside the caller's scope (the Kebayoran Baru officers) or outside it (Makassar). */
export type Scope = 'in' | 'out';

/** The units and the people of each side: callers are Kebayoran officers, "out" is another Polda. */
export const SIDES = {
  in: { unit: 'POLSEK-KEBAYORAN-BARU', parent: 'POLRES-JAKSEL', operator: 'operator.kebayoran', humas: 'humas.kebayoran' },
  out: { unit: 'POLSEK-PANAKKUKANG', parent: 'POLRESTABES-MAKASSAR', operator: 'operator.panakkukang', humas: 'humas.makassar' },
} as const;

let serial = 0;
let photoBytes: Promise<Buffer> | undefined;
/** A small photo-like JPEG (made once). */
export const photo = () => (photoBytes ??= noisyPhoto(96, 64, { noise: 5 }));
export const unique = () => `${Date.now().toString(36).toUpperCase()}${(++serial).toString(36).toUpperCase()}`;

export const complaintBody = (unitCode: string) => ({
  externalRef: `ACC-${unique()}`, unitCode, category: 'kemacetan', channel: 'call_center_110',
  receivedAt: '2026-11-10T00:45:00Z', resolvedAt: '2026-11-10T01:30:00Z',
  location: { subdistrict: 'Gunung', district: 'Kebayoran Baru', city: 'Jakarta Selatan' },
  summary: `Kemacetan di persimpangan dilaporkan warga ${unique()}.`, resolution: 'Petugas mengatur arus hingga lancar.',
  stages: [{ at: '2026-11-10T00:58:00Z', label: 'Petugas tiba' }], complainant: { name: 'Budi' }, consent: { level: 'none', quote: false },
});
export const feedbackBody = (unitCode: string) => ({
  unitCode, serviceType: 'skck', rating: 5, text: `Pelayanan cepat dan ramah ${unique()}.`, author: { name: 'Dewi' },
  consent: { level: 'initials', quote: true }, source: 'survey', receivedAt: '2026-10-20T03:00:00Z',
});
export const achievementBody = (unitCode: string) => ({
  unitCode, title: `Patroli dialogis ${unique()}`, activityType: 'patroli', happenedAt: '2026-10-25T02:00:00Z',
  location: { place: 'Taman kota', city: 'Jakarta Selatan' }, participants: [{ rank: 'Kompol', name: 'Hendro Saputra', position: 'Kapolsek' }],
  narrative: 'Petugas menggelar patroli dialogis bersama warga untuk menjaga keamanan lingkungan.', quotes: [],
});

/**
 * Provisions the resources a route's :params name, inside or outside the caller's scope. Each
 * call of a state-changing route gets fresh ones (an approval must not find the story already
 * approved by the previous caller); reads share one per scope.
 */
export class AccessResources {
  private readonly tokens = new Map<string, string>();
  private readonly shared = new Map<string, Promise<string>>();

  constructor(private readonly t: TestApp) {}

  async tokenOf(username: string): Promise<string> {
    if (!this.tokens.has(username)) this.tokens.set(username, await this.t.login(username));
    return this.tokens.get(username)!;
  }

  async userId(username: string): Promise<string> {
    const [row] = await this.t.dataSource.query(`SELECT id FROM app_user WHERE username = $1`, [username]);
    return row.id;
  }

  /** A resource of `kind` on side `scope`; `owner` is the caller (tokens and notifications are per person). */
  get(kind: string, scope: Scope, owner: string | null, fresh: boolean): Promise<string> {
    if (fresh || kind === 'token' || kind === 'notification') return this.make(kind, scope, owner);
    const key = `${kind}/${scope}`;
    if (!this.shared.has(key)) this.shared.set(key, this.make(kind, scope, owner));
    return this.shared.get(key)!;
  }

  private async make(kind: string, scope: Scope, owner: string | null): Promise<string> {
    if (kind.startsWith('=')) return kind.slice(1); // a fixed value: "=rss.xml"
    const side = SIDES[scope];
    const admin = await this.tokenOf('admin');
    switch (kind) {
      case 'story':
      case 'complaint': {
        const { body } = await this.t.http.post('/api/v1/complaints').set(bearer(await this.tokenOf(side.operator))).send(complaintBody(side.unit)).expect(201);
        return kind === 'story' ? body.storyId : body.id;
      }
      case 'submittedStory': {
        const id = await this.make('story', scope, owner);
        await this.t.http.post(`/api/v1/stories/${id}/submit`).set(bearer(await this.tokenOf(side.operator))).expect(200);
        return id;
      }
      case 'approvedStory': {
        const id = await this.make('submittedStory', scope, owner);
        await this.t.http.post(`/api/v1/stories/${id}/approve`).set(bearer(admin)).send({ channels: ['website', 'whatsapp'] }).expect(200);
        return id;
      }
      case 'scheduledStory': {
        const id = await this.make('approvedStory', scope, owner);
        await this.t.http.post(`/api/v1/stories/${id}/schedule`).set(bearer(admin)).send({ at: '2030-01-01T00:00:00Z' }).expect(200);
        return id;
      }
      case 'publishedSlug': {
        const id = await this.make('approvedStory', scope, owner);
        await this.t.http.post(`/api/v1/stories/${id}/schedule`).set(bearer(admin)).send({ channels: ['website'] }).expect(200);
        // the app's own dispatcher may be mid-tick (then tick() returns at once): poll
        for (let i = 0; i < 100; i++) {
          await this.t.app.get(Dispatcher).tick();
          const [row] = await this.t.dataSource.query(`SELECT slug, status FROM story WHERE id = $1`, [id]);
          if (row.status === 'published') return row.slug;
          await new Promise((r) => setTimeout(r, 100));
        }
        throw new Error(`story ${id} was not published`);
      }
      case 'achievement': {
        const response = await this.t.http.post('/api/v1/achievements').set(bearer(admin)).send(achievementBody(side.unit));
        if (response.status !== 201) throw new Error(`achievement: ${response.status} ${JSON.stringify(response.body)}`);
        return response.body.id;
      }
      case 'feedback': {
        const response = await this.t.http.post('/api/v1/feedback').set(bearer(admin)).send(feedbackBody(side.unit));
        if (response.status !== 201) throw new Error(`feedback: ${response.status} ${JSON.stringify(response.body)}`);
        return response.body.id;
      }
      case 'partner':
      case 'partnerToken': {
        const response = await this.t.http.post('/api/v1/partners').set(bearer(admin)).send({ name: `Media ${unique()}`, kind: 'online', unitCode: side.unit });
        if (response.status !== 201) throw new Error(`partner: ${response.status} ${JSON.stringify(response.body)}`);
        return kind === 'partner' ? response.body.id : response.body.feedToken;
      }
      case 'freshUser': {
        const response = await this.t.http.post('/api/v1/users').set(bearer(admin)).send({ username: `f${unique().toLowerCase()}`, displayName: 'Pengguna Sementara', role: 'operator', unitCode: side.unit, password: 'a-strong-password-123' });
        if (response.status !== 201) throw new Error(`user: ${response.status} ${JSON.stringify(response.body)}`);
        return response.body.id;
      }
      case 'media': {
        const response = await this.t.http.post('/api/v1/media').set(bearer(admin)).field('unitCode', side.unit).attach('file', await photo(), 'photo.jpg');
        if (response.status !== 201) throw new Error(`media upload: ${response.status} ${JSON.stringify(response.body)}`);
        return response.body.id;
      }
      case 'user':
        return this.userId(side.operator);
      case 'token': {
        // "in": a token of the caller itself; "out": someone else's
        const holder = scope === 'in' && owner ? owner : side.humas;
        return (await this.t.app.get(TokenService).issue(await this.userId(holder), 'api', `access ${unique()}`, null)).id;
      }
      case 'notification': {
        const holder = scope === 'in' && owner ? owner : side.humas;
        const [row] = await this.t.dataSource.query(`INSERT INTO notification (user_id, kind, message) VALUES ($1, 'overdue', 'uji') RETURNING id`, [await this.userId(holder)]);
        return row.id;
      }
      case 'integration': {
        const { body } = await this.t.http.post('/api/v1/intake/integrations').set(bearer(admin)).send({ name: `Dumas ${unique()}`, username: side.operator }).expect(201);
        return body.id;
      }
      default:
        throw new Error(`access-requests.json names an unknown resource kind "${kind}"`);
    }
  }
}

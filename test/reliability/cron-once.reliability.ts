import { ReviewSlaJob } from '../../src/approval/review-sla.job';
import { FixedClock } from '../../src/common/clock';
import { RetentionJob } from '../../src/intake/privacy/retention.job';
import { complaintBody } from './support/access-resources';
import { bearer, createTestApp, type TestApp } from '../support/test-app';

/**
 * Each cron occurrence runs once across instances: three application instances on one
 * database fire the same occurrences at the same moment (twice each, as a clock skew or a
 * slow timer would); one wins the job_run claim, the others do nothing. The occurrences are
 * fired directly (the schedules are 15 minutes and daily apart), through the same
 * JobRunner.runOnce path the @Cron handlers take.
 */
describe('cron occurrences across three instances', () => {
  const clock = new FixedClock(new Date('2026-11-20T02:00:00Z'));
  let apps: TestApp[] = [];

  beforeAll(async () => {
    const first = await createTestApp({ clock });
    apps = [first, await createTestApp({ clock, shareDatabaseOf: first }), await createTestApp({ clock, shareDatabaseOf: first })];
  });
  afterAll(async () => {
    for (const app of apps.slice(1).reverse()) await app.close();
    await apps[0]?.close();
  });

  const fireEverywhere = <T>(job: (app: TestApp) => Promise<T>) => Promise.all(apps.flatMap((app) => [job(app), job(app)]));

  it('runs each review-SLA and retention occurrence once, and escalates each overdue story once', async () => {
    const [t] = apps;
    const operator = await t.login('operator.kebayoran');
    const stories: string[] = [];
    for (let i = 0; i < 3; i++) {
      const { body } = await t.http.post('/api/v1/complaints').set(bearer(operator)).send(complaintBody('POLSEK-KEBAYORAN-BARU')).expect(201);
      await t.http.post(`/api/v1/stories/${body.storyId}/submit`).set(bearer(operator)).expect(200);
      stories.push(body.storyId);
    }
    clock.advance(48 * 3_600_000);

    for (let occurrence = 0; occurrence < 3; occurrence++) {
      const sla = await fireEverywhere((app) => app.app.get(ReviewSlaJob).run());
      expect(sla.filter((r) => r !== null)).toHaveLength(1);
      const retention = await fireEverywhere((app) => app.app.get(RetentionJob).run());
      // the daily slot: the first occurrence of the day runs it once, later ones find it taken
      expect(retention.filter((r) => r !== null)).toHaveLength(occurrence === 0 ? 1 : 0);
      clock.advance(15 * 60_000);
    }

    const runs = await t.dataSource.query(`SELECT job, count(*)::int AS n, count(DISTINCT slot)::int AS slots FROM job_run GROUP BY job ORDER BY job`);
    expect(runs).toEqual([{ job: 'retention', n: 1, slots: 1 }, { job: 'review-sla', n: 3, slots: 3 }]);
    const unfinished = await t.dataSource.query(`SELECT count(*)::int AS n FROM job_run WHERE finished_at IS NULL OR outcome <> 'success'`);
    expect(unfinished[0].n).toBe(0);
    const overdue = await t.dataSource.query(`SELECT subject_id, count(*)::int AS n FROM audit_event WHERE action = 'story.overdue' GROUP BY 1`);
    expect(overdue.map((r: { subject_id: string }) => r.subject_id).sort()).toEqual([...stories].sort());
    expect(overdue.every((r: { n: number }) => r.n === 1)).toBe(true);
    const notes = await t.dataSource.query(`SELECT story_id, user_id, count(*)::int AS n FROM notification WHERE kind = 'overdue' GROUP BY 1, 2 HAVING count(*) > 1`);
    expect(notes).toEqual([]);
  });
});

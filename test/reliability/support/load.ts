import { complaintBody } from './access-resources';
import { type Answer, call, type Cluster } from './cluster';
import { percentile } from './figures';

/** Every answer of a load run, by operation, for latency figures and the zero-5xx check. */
export class Ledger {
  readonly answers = new Map<string, Answer[]>();

  add(operation: string, answer: Answer): Answer {
    if (!this.answers.has(operation)) this.answers.set(operation, []);
    this.answers.get(operation)!.push(answer);
    return answer;
  }

  /** Answers that are server errors or network failures (status 0), with their operation. */
  failures(accept: (operation: string, answer: Answer) => boolean = () => false): string[] {
    const out: string[] = [];
    for (const [operation, answers] of this.answers) {
      for (const a of answers) if ((a.status === 0 || a.status >= 500) && !accept(operation, a)) out.push(`${operation}: ${a.status} ${a.text.slice(0, 160)}`);
    }
    return out;
  }

  figures(): Record<string, { n: number; p50: number; p99: number; max: number }> {
    const out: Record<string, { n: number; p50: number; p99: number; max: number }> = {};
    for (const [operation, answers] of this.answers) {
      const ms = answers.map((a) => a.ms);
      out[operation] = { n: ms.length, p50: Math.round(percentile(ms, 50)), p99: Math.round(percentile(ms, 99)), max: Math.round(Math.max(...ms)) };
    }
    return out;
  }
}

/** A complaint the service acknowledged (201 or an idempotent 200), with the ids it answered. */
export interface Acknowledged {
  externalRef: string;
  id: string;
  storyId: string;
}

/**
 * Intake at a fixed rate (open loop: requests start on schedule whether or not earlier ones
 * have answered, up to `maxInFlight`), spread over the cluster's live instances. Every 10th
 * complaint is also sent to a second instance at the same moment: both must answer with the
 * same ids and one row must exist.
 */
export async function intakeAtRate(cluster: Cluster, token: string, options: { perSecond: number; seconds: number; ledger: Ledger; prefix: string; maxInFlight?: number; stop?: () => boolean; onAck?: (ack: Acknowledged) => void }): Promise<{ acknowledged: Acknowledged[]; refused: string[]; skipped: number }> {
  const acknowledged: Acknowledged[] = [];
  const refused: string[] = [];
  const inFlight = new Set<Promise<void>>();
  let skipped = 0;
  const started = Date.now();
  const total = Math.round(options.perSecond * options.seconds);
  for (let i = 0; i < total && !options.stop?.(); i++) {
    const due = started + (i * 1000) / options.perSecond;
    const wait = due - Date.now();
    if (wait > 0) await new Promise((r) => setTimeout(r, wait));
    if (inFlight.size >= (options.maxInFlight ?? 64)) {
      skipped++;
      continue;
    }
    const body = { ...complaintBody('POLSEK-KEBAYORAN-BARU'), externalRef: `${options.prefix}-${i}` };
    const twice = i % 10 === 0 ? [cluster.pick(), cluster.pick()] : [cluster.pick()];
    const work = Promise.all(twice.map((instance) => call(instance.url, 'POST', '/api/v1/complaints', { token, body }).then((a) => options.ledger.add('intake', a)))).then((answers) => {
      const ok = answers.filter((a) => a.status === 201 || a.status === 200);
      if (ok.length > 0) {
        const ids = new Set(ok.map((a) => `${a.body.id}/${a.body.storyId}`));
        if (ids.size > 1) refused.push(`${body.externalRef}: two answers with different ids ${[...ids].join(' ')}`);
        const ack = { externalRef: body.externalRef, id: ok[0].body.id, storyId: ok[0].body.storyId };
        acknowledged.push(ack);
        options.onAck?.(ack);
      }
      for (const a of answers) if (a.status !== 201 && a.status !== 200) refused.push(`${body.externalRef}: ${a.status} ${a.text.slice(0, 120)}`);
    });
    const tracked = work.finally(() => inFlight.delete(tracked));
    inFlight.add(tracked);
  }
  await Promise.all(inFlight);
  return { acknowledged, refused, skipped };
}

/** Readers: loops of GETs over the cluster until `until()` says stop. */
export async function readLoop(cluster: Cluster, token: string, routes: () => string[], ledger: Ledger, until: () => boolean): Promise<void> {
  while (!until()) {
    for (const route of routes()) {
      const instance = cluster.pick();
      ledger.add(`GET ${route.replace(/[0-9a-f-]{36}/, ':id').replace(/\?.*/, '')}`, await call(instance.url, 'GET', route, { token }));
    }
    await new Promise((r) => setTimeout(r, 20));
  }
}

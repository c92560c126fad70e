import type TestAgent from 'supertest/lib/agent';

/** Runs `attack` while asking /health every 20 ms; returns the slowest answer in ms. */
export async function slowestHealthDuring(http: TestAgent, attack: () => Promise<unknown>): Promise<number> {
  let done = false;
  const times: number[] = [];
  const probe = (async () => {
    while (!done) {
      const started = performance.now();
      const response = await http.get('/health');
      if (response.status !== 200) throw new Error(`/health answered ${response.status}`);
      times.push(performance.now() - started);
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  })();
  try {
    await attack();
  } finally {
    done = true;
    await probe;
  }
  if (times.length < 2) throw new Error(`/health was asked only ${times.length} times`);
  return Math.max(...times);
}

/**
 * Issue 17's bar is /health under 100 ms while attacked (the attacks froze it for 6-20 s). On a
 * shared 2-core machine the scheduler alone sometimes delays an answer past 100 ms, so the bar
 * is 100 ms or twice the slowest answer of a quiet spell just before, whichever is higher: a
 * quiet machine (CI) is held to 100 ms, and a blocked event loop fails on any machine.
 */
export async function healthBudget(http: TestAgent, ordinary?: () => Promise<unknown>): Promise<number> {
  // the ordinary work five times over, so that /health is asked during it often enough
  const spell = ordinary ? async () => { for (let i = 0; i < 5; i++) await ordinary(); } : () => new Promise((resolve) => setTimeout(resolve, 1_500));
  const quiet = await slowestHealthDuring(http, spell);
  return Math.max(100, 2 * quiet);
}

/**
 * Expects /health to stay within healthBudget while `attack(attempt)` runs. A scheduler hiccup
 * of a loaded machine rarely repeats, a blocked event loop always does: up to `tries` rounds,
 * and the first within budget passes. Returns the figures of every round.
 */
export async function expectHealthyDuring(
  http: TestAgent, attack: (attempt: number) => Promise<unknown>, tries = 3, ordinary?: () => Promise<unknown>,
): Promise<{ slowest: number; budget: number }[]> {
  const rounds: { slowest: number; budget: number }[] = [];
  for (let attempt = 0; attempt < tries; attempt++) {
    // `ordinary`: the same request without the attack (an intake costs its own work on the event loop)
    const budget = await healthBudget(http, ordinary);
    const slowest = await slowestHealthDuring(http, () => attack(attempt));
    rounds.push({ slowest: Math.round(slowest), budget: Math.round(budget) });
    if (slowest < budget) return rounds;
  }
  throw new Error(`/health was slower than its budget while attacked, every round: ${JSON.stringify(rounds)}`);
}

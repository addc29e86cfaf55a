/** The webhook settings as the environment gives them (README, Configuration). */
import { configFromEnv, resolveConfig } from '../../api/config';

const config = (env: NodeJS.ProcessEnv) => resolveConfig(configFromEnv(env));
const s = 1_000;
const h = 3_600 * s;

describe('webhook configuration', () => {
  it('retries after 5 s, 5 min, 30 min, 2 h, 5 h and 10 h, for 3 days, and disables after 5, by default', () => {
    const c = config({});
    expect(c.webhookRetryScheduleMs).toEqual([5 * s, 300 * s, 1_800 * s, 2 * h, 5 * h, 10 * h]);
    expect([c.webhookRetryForMs, c.webhookDisableAfterMs, c.webhookTimeoutMs, c.webhookAllowedHosts]).toEqual([72 * h, 120 * h, 5 * s, []]);
  });

  it('reads durations with units, and a list of hosts', () => {
    const c = config({ WEBHOOK_RETRY_SCHEDULE: '250ms, 2s,1m,1.5h,1d,300', WEBHOOK_RETRY_FOR: '2h', WEBHOOK_ALLOWED_HOSTS: ' 127.0.0.1:8080 ,CMS.internal', WEBHOOK_TIMEOUT_MS: '750' });
    expect(c.webhookRetryScheduleMs).toEqual([250, 2 * s, 60 * s, 1.5 * h, 24 * h, 300]);
    expect(c.webhookRetryForMs).toBe(2 * h);
    expect(c.webhookAllowedHosts).toEqual(['127.0.0.1:8080', 'cms.internal']);
    expect(c.webhookTimeoutMs).toBe(750);
  });

  it('stops the start on a duration it cannot read', () => {
    expect(() => config({ WEBHOOK_RETRY_SCHEDULE: '5s,soon' })).toThrow('WEBHOOK_RETRY_SCHEDULE: "soon" is not a duration');
  });
});

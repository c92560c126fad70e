import { ConfigError, loadConfig } from './load-config';

const SECRET = 'x'.repeat(40);

function failure(env: Record<string, string>): ConfigError {
  try {
    loadConfig(env);
  } catch (error) {
    if (error instanceof ConfigError) return error;
    throw error;
  }
  throw new Error('expected a ConfigError');
}

describe('loadConfig', () => {
  it('gives the documented defaults for an empty environment (embedded mode)', () => {
    const config = loadConfig({});
    expect(config.databaseUrl).toBeUndefined();
    expect(config.port).toBe(3000);
    expect(config.dataDir).toMatch(/\/data$/);
    expect(config.publicBaseUrl).toBe('http://localhost:3000');
    expect(config.adminUsername).toBe('admin');
    expect(config.demo).toBe(true);
    expect(config.logLevel).toBe('info');
    expect(config.feedFetchAllowHosts).toEqual([]);
    expect(config).toMatchObject({
      xApiBaseUrl: 'https://api.x.com', graphApiBaseUrl: 'https://graph.facebook.com/v21.0',
      telegramApiBaseUrl: 'https://api.telegram.org', publishTimeoutMs: 15_000,
    });
  });

  it('reads the channel API base URLs without a trailing slash, and the publish timeout', () => {
    const config = loadConfig({
      X_API_BASE_URL: 'http://127.0.0.1:4001/', GRAPH_API_BASE_URL: 'http://127.0.0.1:4002/v21.0',
      TELEGRAM_API_BASE_URL: 'http://localhost:4003', PUBLISH_TIMEOUT_MS: '500',
    });
    expect(config).toMatchObject({
      xApiBaseUrl: 'http://127.0.0.1:4001', graphApiBaseUrl: 'http://127.0.0.1:4002/v21.0',
      telegramApiBaseUrl: 'http://localhost:4003', publishTimeoutMs: 500,
    });
  });

  it('reads every variable it documents', () => {
    const config = loadConfig({
      DATABASE_URL: 'postgres://u@db:5432/gaung', SECRET_KEY: SECRET, PORT: '8080', DATA_DIR: '/srv/gaung',
      PUBLIC_BASE_URL: 'https://humas.example.go.id/', ADMIN_USERNAME: 'root.admin', ADMIN_PASSWORD: 'long-enough-password',
      DEMO: 'yes', LOG_LEVEL: 'warn', FEED_FETCH_ALLOW_HOSTS: '127.0.0.1, 10.0.0.0/8',
    });
    expect(config).toMatchObject({
      databaseUrl: 'postgres://u@db:5432/gaung', secretKey: SECRET, port: 8080, dataDir: '/srv/gaung',
      publicBaseUrl: 'https://humas.example.go.id', adminUsername: 'root.admin', demo: true, logLevel: 'warn',
      feedFetchAllowHosts: ['127.0.0.1', '10.0.0.0/8'],
    });
  });

  it('does not seed demo data on a real PostgreSQL unless asked', () => {
    expect(loadConfig({ DATABASE_URL: 'postgres://db/x', SECRET_KEY: SECRET }).demo).toBe(false);
  });

  it.each([
    [{ PORT: 'eighty' }, 'PORT', /PORT must be an integer/],
    [{ PORT: '70000' }, 'PORT', /PORT must be between 0 and 65535/],
    [{ DATABASE_URL: 'mysql://x' }, 'DATABASE_URL', /DATABASE_URL must be a postgres/],
    [{ DATABASE_URL: 'postgres://db/x' }, 'SECRET_KEY', /SECRET_KEY is required when DATABASE_URL is set/],
    [{ DATABASE_URL: 'postgres://db/x', SECRET_KEY: 'short' }, 'SECRET_KEY', /at least 32 characters/],
    [{ LOG_LEVEL: 'loud' }, 'LOG_LEVEL', /LOG_LEVEL must be one of/],
    [{ DEMO: 'maybe' }, 'DEMO', /DEMO must be/],
    [{ PUBLIC_BASE_URL: 'ftp://x' }, 'PUBLIC_BASE_URL', /PUBLIC_BASE_URL must be an http/],
    [{ ADMIN_PASSWORD: 'short' }, 'ADMIN_PASSWORD', /at least 12 characters/],
    [{ ADMIN_USERNAME: 'a b' }, 'ADMIN_USERNAME', /ADMIN_USERNAME must be/],
    [{ X_API_BASE_URL: 'api.x.com' }, 'X_API_BASE_URL', /X_API_BASE_URL must be an http/],
    [{ GRAPH_API_BASE_URL: 'ftp://graph' }, 'GRAPH_API_BASE_URL', /GRAPH_API_BASE_URL must be an http/],
    [{ TELEGRAM_API_BASE_URL: 'telegram' }, 'TELEGRAM_API_BASE_URL', /TELEGRAM_API_BASE_URL must be an http/],
    [{ PUBLISH_TIMEOUT_MS: 'soon' }, 'PUBLISH_TIMEOUT_MS', /PUBLISH_TIMEOUT_MS must be an integer/],
    [{ PUBLISH_TIMEOUT_MS: '10' }, 'PUBLISH_TIMEOUT_MS', /between 100 and 300000/],
  ])('refuses %j naming %s in one line', (env, variable, message) => {
    const error = failure(env as Record<string, string>);
    expect(error.variable).toBe(variable);
    expect(error.message).toMatch(message);
    expect(error.message).toMatch(/^Configuration error: /);
    expect(error.message).not.toContain('\n');
  });
});

import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from './config.js';

const SECRET = 's'.repeat(32);
const ADMIN = 'a'.repeat(16);

/** Runs loadConfig and returns the ConfigError it throws, failing the test if it does not throw one. */
function configError(env: NodeJS.ProcessEnv): ConfigError {
  try {
    loadConfig(env);
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigError);
    return error as ConfigError;
  }
  throw new Error(`expected loadConfig(${JSON.stringify(env)}) to throw a ConfigError`);
}

describe('loadConfig defaults', () => {
  it('uses port 4455, host 127.0.0.1 and ./.cuecart when nothing is set', () => {
    const config = loadConfig({});
    expect(config).toMatchObject({ port: 4455, host: '127.0.0.1', dataDir: './.cuecart', demo: false, logLevel: 'info' });
    expect(config.secret).toBeUndefined();
    expect(config.adminToken).toBeUndefined();
    expect(config.redisUrl).toBeUndefined();
  });

  it('counts empty strings as unset, including for validated variables', () => {
    const config = loadConfig({
      CUECART_PORT: '',
      CUECART_HOST: '',
      CUECART_DATA_DIR: '',
      CUECART_SECRET: '',
      CUECART_ADMIN_TOKEN: '',
      CUECART_REDIS_URL: '',
      CUECART_DEMO: '',
      CUECART_LOG_LEVEL: '',
    });
    expect(config).toMatchObject({ port: 4455, host: '127.0.0.1', dataDir: './.cuecart', demo: false, logLevel: 'info' });
    expect(config.secret).toBeUndefined();
    expect(config.adminToken).toBeUndefined();
    expect(config.redisUrl).toBeUndefined();
  });

  it('ignores variables that are not CUECART_*', () => {
    expect(loadConfig({ PORT: '99999', HOST: '', SECRET: 'x' }).port).toBe(4455);
  });
});

describe('loadConfig reads the environment', () => {
  it('takes every variable as given', () => {
    const config = loadConfig({
      CUECART_PORT: '8080',
      CUECART_HOST: '0.0.0.0',
      CUECART_DATA_DIR: '/var/lib/cuecart',
      CUECART_SECRET: SECRET,
      CUECART_ADMIN_TOKEN: ADMIN,
      CUECART_REDIS_URL: 'rediss://cache.example:6380/0',
      CUECART_DEMO: '1',
      CUECART_LOG_LEVEL: 'debug',
      CUECART_REDIS_DURABILITY: 'trust',
      CUECART_EVENT_RETENTION_DAYS: '30',
      CUECART_CATALOG_DIR: '/srv/catalogs',
      CUECART_ALLOW_PRIVATE_URLS: '1',
      CUECART_TRUST_PROXY: 'loopback, 10.0.0.0/8',
      CUECART_SHOPIFY_POLL_SECONDS: '45',
    });
    expect(config).toEqual({
      port: 8080,
      host: '0.0.0.0',
      dataDir: '/var/lib/cuecart',
      catalogDir: '/srv/catalogs',
      secret: SECRET,
      adminToken: ADMIN,
      redisUrl: 'rediss://cache.example:6380/0',
      demo: true,
      allowPrivateUrls: true,
      trustProxy: 'loopback, 10.0.0.0/8',
      logLevel: 'debug',
      redisDurability: 'trust',
      eventRetentionDays: 30,
      shopifyPollMs: 45_000,
    });
  });

  it('keeps raw beacons 90 days and checks Redis by default; refuses a retention that is not a whole number of days', () => {
    expect(loadConfig({})).toMatchObject({ redisDurability: 'check', eventRetentionDays: 90, shopifyPollMs: 30_000, catalogDir: join('./.cuecart', 'catalogs') });
    expect(loadConfig({ CUECART_DATA_DIR: '/data' }).catalogDir).toBe('/data/catalogs');
    expect(loadConfig({}).allowPrivateUrls).toBe(false);
    expect(loadConfig({}).trustProxy).toBe('loopback');
    expect(() => loadConfig({ CUECART_TRUST_PROXY: 'the office' })).toThrow(/CUECART_TRUST_PROXY/);
    expect(() => loadConfig({ CUECART_EVENT_RETENTION_DAYS: '0' })).toThrow(/CUECART_EVENT_RETENTION_DAYS/);
    expect(() => loadConfig({ CUECART_EVENT_RETENTION_DAYS: '1.5' })).toThrow(/CUECART_EVENT_RETENTION_DAYS/);
    expect(() => loadConfig({ CUECART_REDIS_DURABILITY: 'maybe' })).toThrow(/CUECART_REDIS_DURABILITY/);
  });

  it('accepts the port range edges 0 (any free port) and 65535, and a port with surrounding spaces', () => {
    expect(loadConfig({ CUECART_PORT: '0' }).port).toBe(0);
    expect(loadConfig({ CUECART_PORT: '65535' }).port).toBe(65535);
    expect(loadConfig({ CUECART_PORT: ' 8080 ' }).port).toBe(8080);
  });

  it('accepts a plain redis:// URL', () => {
    expect(loadConfig({ CUECART_REDIS_URL: 'redis://localhost:6379' }).redisUrl).toBe('redis://localhost:6379');
  });

  it.each([
    ['1', true],
    ['true', true],
    ['TRUE', true],
    ['True', true],
    ['0', false],
    ['false', false],
    ['yes', false],
    ['', false],
  ])('CUECART_DEMO=%j → demo %s', (value, demo) => {
    expect(loadConfig({ CUECART_DEMO: value }).demo).toBe(demo);
  });
});

describe('loadConfig rejects bad values with a message naming the variable', () => {
  it.each(['abc', '65536', '-1', '80.5', '0x1f90', '1e3', ' '])('CUECART_PORT=%j', (port) => {
    const error = configError({ CUECART_PORT: port });
    expect(error.message).toContain('CUECART_PORT');
    expect(error.message).toMatch(/port/i);
  });

  it('a secret shorter than 32 characters', () => {
    const error = configError({ CUECART_SECRET: 's'.repeat(31) });
    expect(error.message).toContain('CUECART_SECRET');
    expect(error.message).toContain('32');
  });

  it('an admin token shorter than 16 characters', () => {
    const error = configError({ CUECART_ADMIN_TOKEN: 'a'.repeat(15) });
    expect(error.message).toContain('CUECART_ADMIN_TOKEN');
    expect(error.message).toContain('16');
  });

  it.each(['http://localhost:6379', 'localhost:6379', 'redis:/x'])('CUECART_REDIS_URL=%j', (url) => {
    const error = configError({ CUECART_REDIS_URL: url });
    expect(error.message).toContain('CUECART_REDIS_URL');
    expect(error.message).toMatch(/redis:\/\//);
  });

  it('an unknown log level', () => {
    expect(configError({ CUECART_LOG_LEVEL: 'verbose' }).message).toContain('CUECART_LOG_LEVEL');
  });

  it('names every bad variable when several are wrong, and does not blame the good ones', () => {
    const message = configError({ CUECART_PORT: 'x', CUECART_SECRET: 'short', CUECART_HOST: 'example.test' }).message;
    expect(message).toContain('CUECART_PORT');
    expect(message).toContain('CUECART_SECRET');
    expect(message).not.toContain('CUECART_HOST');
  });

  it('a secret of exactly 32 and an admin token of exactly 16 characters are fine', () => {
    const config = loadConfig({ CUECART_SECRET: SECRET, CUECART_ADMIN_TOKEN: ADMIN });
    expect(config.secret).toBe(SECRET);
    expect(config.adminToken).toBe(ADMIN);
  });
});

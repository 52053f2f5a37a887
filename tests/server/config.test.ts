import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../sync-server/config';

const CWD = '/srv/loupe';

describe('loadConfig', () => {
  it('has defaults for a one-machine install', () => {
    expect(loadConfig({}, CWD)).toEqual({
      port: 8080,
      host: '0.0.0.0',
      dataDir: resolve(CWD, 'data'),
      appDir: resolve(CWD, 'dist'),
      databaseUrl: undefined,
      logLevel: 'info',
      demo: false,
    });
  });

  it('reads every variable', () => {
    const config = loadConfig(
      {
        PORT: '9000',
        HOST: '127.0.0.1',
        LOUPE_DATA_DIR: '/var/lib/loupe',
        LOUPE_APP_DIR: 'build/app',
        DATABASE_URL: 'postgresql://loupe:pw@db:5432/loupe',
        LOG_LEVEL: 'debug',
      },
      CWD,
    );
    expect(config).toMatchObject({ port: 9000, host: '127.0.0.1', dataDir: '/var/lib/loupe', logLevel: 'debug' });
    expect(config.appDir).toBe(resolve(CWD, 'build/app'));
    expect(config.databaseUrl).toBe('postgresql://loupe:pw@db:5432/loupe');
  });

  it('treats an empty variable as unset', () => {
    expect(loadConfig({ PORT: '', DATABASE_URL: '' }, CWD)).toMatchObject({ port: 8080, databaseUrl: undefined });
  });

  it('is silent under tests unless LOG_LEVEL says otherwise', () => {
    expect(loadConfig({ VITEST: 'true' }, CWD).logLevel).toBe('silent');
    expect(loadConfig({ NODE_ENV: 'test', LOG_LEVEL: 'warn' }, CWD).logLevel).toBe('warn');
  });

  it.each([
    ['PORT', 'eighty'],
    ['PORT', '70000'],
    ['PORT', '-1'],
    ['LOG_LEVEL', 'loud'],
    ['DATABASE_URL', 'mysql://root@db/loupe'],
  ])('names the variable when %s=%s is invalid', (name, value) => {
    expect(() => loadConfig({ [name]: value }, CWD)).toThrow(ConfigError);
    expect(() => loadConfig({ [name]: value }, CWD)).toThrow(new RegExp(`\\b${name}\\b`));
  });

  it('never echoes the database URL (it holds a password)', () => {
    const error = (() => {
      try {
        loadConfig({ DATABASE_URL: 'mysql://root:hunter2@db' }, CWD);
      } catch (err) {
        return err as Error;
      }
    })();
    expect(error?.message).toContain('DATABASE_URL');
    expect(error?.message).not.toContain('hunter2');
  });
});

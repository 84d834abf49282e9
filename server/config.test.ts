import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from './config';

describe('loadConfig', () => {
  it('runs in demo mode with no token, on port 8080 by default', () => {
    const config = loadConfig({});
    expect(config.mode).toBe('demo');
    expect(config.port).toBe(8080);
    expect(loadConfig({ PORT: '9123' }).port).toBe(9123);
  });

  it('names every missing live-mode variable', () => {
    expect(() => loadConfig({ CLOUDFLARE_API_TOKEN: 't' })).toThrow(
      /CLOUDFLARE_ACCOUNT_ID and RTK_APP_ID are missing/,
    );
    expect(() => loadConfig({ CLOUDFLARE_API_TOKEN: 't', RTK_APP_ID: 'app' })).toThrow(
      /CLOUDFLARE_ACCOUNT_ID is missing/,
    );
    expect(() => loadConfig({ CLOUDFLARE_API_TOKEN: 't', CLOUDFLARE_ACCOUNT_ID: 'acc' })).toThrow(
      /RTK_APP_ID is missing/,
    );
  });

  it('builds the live upstream from the environment', () => {
    const config = loadConfig({
      CLOUDFLARE_API_TOKEN: 'secret',
      CLOUDFLARE_ACCOUNT_ID: 'acc123',
      RTK_APP_ID: 'app-1',
    });
    expect(config.mode).toBe('live');
    expect(config.upstream.base).toBe('https://api.cloudflare.com/client/v4');
    expect(config.upstream.accountId).toBe('acc123');
  });

  it('refuses values that could steer the upstream path, without echoing the token', () => {
    const live = {
      CLOUDFLARE_API_TOKEN: 'very-secret',
      CLOUDFLARE_ACCOUNT_ID: 'acc',
      RTK_APP_ID: 'app',
    };
    for (const env of [
      { ...live, CLOUDFLARE_ACCOUNT_ID: '../zones' },
      { ...live, RTK_APP_ID: 'a/b' },
      { ...live, RTK_API_BASE: 'ftp://example.test' },
      { ...live, RTK_API_BASE: 'https://example.test/?x=1' },
      { ...live, PORT: 'eighty' },
    ]) {
      expect(() => loadConfig(env)).toThrow(ConfigError);
      try {
        loadConfig(env);
      } catch (error) {
        expect(String(error)).not.toContain('very-secret');
      }
    }
  });

  it('reads BASE_PATH with or without slashes, and refuses unsafe ones', () => {
    expect(loadConfig({}).basePath).toBe('/');
    expect(loadConfig({ BASE_PATH: '/tools/rtk-inspector' }).basePath).toBe(
      '/tools/rtk-inspector/',
    );
    expect(loadConfig({ BASE_PATH: 'tools/rtk-inspector/' }).basePath).toBe(
      '/tools/rtk-inspector/',
    );
    for (const bad of ['/tools/../x', '/a b/', '/x?y', '/%2e%2e/']) {
      expect(() => loadConfig({ BASE_PATH: bad }), bad).toThrow(ConfigError);
    }
  });

  it('reads FRAME_ANCESTORS and EMBED_PARENT_ORIGINS as bare origins only', () => {
    const config = loadConfig({
      FRAME_ANCESTORS: 'https://admin.example.com  http://localhost:3000/',
    });
    expect(config.embed).toEqual({
      frameAncestors: ['https://admin.example.com', 'http://localhost:3000'],
      parentOrigins: ['https://admin.example.com', 'http://localhost:3000'],
    });
    expect(
      loadConfig({ FRAME_ANCESTORS: 'https://a.example', EMBED_PARENT_ORIGINS: '' }).embed
        .parentOrigins,
    ).toEqual([]);
    for (const bad of ['*', 'https://a.example/path', 'javascript:alert(1)', "'self'"]) {
      expect(() => loadConfig({ FRAME_ANCESTORS: bad }), bad).toThrow(ConfigError);
    }
  });
});

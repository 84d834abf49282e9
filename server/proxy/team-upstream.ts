/**
 * The upstream as one deployment uses it: the fetch-level client (retries, deadline, breaker),
 * the team's budget in live mode, coalescing and the cache. Built once per Node process, and on
 * Workers once per deployment inside the upstream's Durable Object, so every isolate shares it.
 */
import type { Config } from '../config';
import { createBudget } from './rate-limit';
import { type SharedUpstream, shareUpstream } from './shared-upstream';
import { createUpstream, type UpstreamFetch } from './upstream';

export function createTeamUpstream(config: Config, transport: UpstreamFetch): SharedUpstream {
  // The budget guards the team's real token; the embedded mock has no quota to protect.
  const budget =
    config.mode === 'live'
      ? createBudget({ limit: config.quota.upstreamPer5Minutes, windowMs: 5 * 60_000 })
      : undefined;
  return shareUpstream(createUpstream(config.upstream, transport, budget), {
    cacheTtlMs: config.quota.cacheTtlMs,
    cacheMaxBytes: config.quota.cacheMaxBytes,
  });
}

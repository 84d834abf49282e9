import { queryOptions } from '@tanstack/react-query';
import * as z from 'zod/mini';
import { apiPath } from '../lib/base-path';
import { type AppConfig, appConfigSchema } from './app-config-schema';
import { ApiError } from './errors';
import { getJson } from './http';

export async function getAppConfig(signal?: AbortSignal): Promise<AppConfig> {
  const { body } = await getJson(apiPath('config'), signal);
  const parsed = z.safeParse(appConfigSchema, body);
  if (!parsed.success)
    throw new ApiError('malformed', 'The server configuration could not be read.');
  return parsed.data;
}

export const appConfigQueryOptions = () =>
  queryOptions({
    queryKey: ['app-config'],
    queryFn: ({ signal }) => getAppConfig(signal),
    // The mode cannot change without a server restart.
    staleTime: Number.POSITIVE_INFINITY,
  });

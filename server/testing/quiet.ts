import type { AppOptions } from '../app';
import type { LogLine } from '../observability';

/** App options for tests: request logs are captured in `lines` instead of printed. */
export function quiet(options: AppOptions = {}): AppOptions & { lines: LogLine[] } {
  const lines: LogLine[] = [];
  return { ...options, log: (line) => lines.push(line), lines };
}

import { checkId, type IdCheck } from '../../src/api/request-params';

function decodeOnce(segment: string): string | null {
  try {
    return decodeURIComponent(segment);
  } catch {
    return null;
  }
}

/** One id from a path segment: decoded once, then checked (this server's routes, see README). */
export function readId(label: string, segment: string): IdCheck {
  const decoded = decodeOnce(segment);
  return decoded === null
    ? { ok: false, message: `${label} is not valid percent-encoding.` }
    : checkId(label, decoded);
}

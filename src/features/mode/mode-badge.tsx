import { useQuery } from '@tanstack/react-query';
import { appConfigQueryOptions } from '../../api/config-query';

/** Always on screen: demo data must never be mistaken for a real participant. */
export function ModeBadge() {
  const { data, isError } = useQuery(appConfigQueryOptions());
  if (isError) {
    return (
      <span className="rounded-full bg-red-100 px-3 py-1 text-xs font-semibold text-red-800">
        Server unreachable
      </span>
    );
  }
  if (!data) {
    return (
      <span className="rounded-full bg-slate-200 px-3 py-1 text-xs font-semibold text-slate-600">
        Connecting…
      </span>
    );
  }
  return data.mode === 'demo' ? (
    <span
      className="rounded-full bg-amber-100 px-3 py-1 text-xs font-semibold text-amber-900 ring-1 ring-amber-300"
      title="The server has no API token: everything shown comes from the embedded mock."
    >
      Demo data
    </span>
  ) : (
    <span
      className="rounded-full bg-emerald-100 px-3 py-1 text-xs font-semibold text-emerald-900 ring-1 ring-emerald-300"
      title="Data comes from Cloudflare's RealtimeKit API."
    >
      Live
    </span>
  );
}

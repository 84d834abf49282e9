import { Skeleton } from '../../components/ui/skeleton';

const ROWS = ['id', 'user', 'custom', 'preset', 'joined', 'left', 'duration', 'created', 'updated'];

export type ParticipantSkeletonProps = {
  /** Said while retrying, e.g. "Rate limited: retrying in 20 s". */
  status?: string;
};

/** The page's shape while the participant loads, so nothing jumps when it arrives. */
export function ParticipantSkeleton({ status = 'Loading participant…' }: ParticipantSkeletonProps) {
  return (
    <div aria-busy="true" className="grid gap-6">
      <p role="status" className="text-sm text-slate-600 dark:text-slate-300">
        {status}
      </p>
      <div className="rounded-xl border border-slate-200 bg-white p-5 dark:border-slate-700 dark:bg-slate-900">
        <Skeleton className="h-6 w-64" />
        <div className="mt-5 grid gap-3">
          {ROWS.map((row) => (
            <div key={row} className="grid grid-cols-[10rem_1fr] gap-2">
              <Skeleton className="h-4 w-28" />
              <Skeleton className="h-4 w-3/4" />
            </div>
          ))}
        </div>
      </div>
      <div className="rounded-xl border border-slate-200 bg-white p-5 dark:border-slate-700 dark:bg-slate-900">
        <Skeleton className="h-5 w-48" />
        <Skeleton className="mt-4 h-64 w-full" />
      </div>
    </div>
  );
}

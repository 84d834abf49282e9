export type SkeletonProps = { className?: string };

/** A grey placeholder that keeps the layout while data loads. */
export function Skeleton({ className = 'h-4 w-full' }: SkeletonProps) {
  return (
    <span
      aria-hidden="true"
      className={`block animate-pulse rounded bg-slate-200 dark:bg-slate-700 ${className}`}
    />
  );
}

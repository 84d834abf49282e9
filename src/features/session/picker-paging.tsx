export type PickerPagingProps = {
  /** "21–40 of 312". */
  range: string;
  busy: boolean;
  /** Null on the first page. */
  onPrevious: (() => void) | null;
  /** Null on the last page. */
  onNext: (() => void) | null;
};

const BUTTON =
  'rounded-md border border-slate-300 px-3 py-1 text-sm font-medium hover:bg-slate-100 disabled:opacity-50 dark:border-slate-600 dark:hover:bg-slate-800';

/** Previous/next page and where the list stands, announced as it changes. */
export function PickerPaging({ range, busy, onPrevious, onNext }: PickerPagingProps) {
  return (
    <div className="mt-2 flex flex-wrap items-center gap-3 text-sm">
      <button
        type="button"
        className={BUTTON}
        disabled={!onPrevious}
        onClick={() => onPrevious?.()}
      >
        Previous page
      </button>
      <button type="button" className={BUTTON} disabled={!onNext} onClick={() => onNext?.()}>
        Next page
      </button>
      <span role="status" className="text-slate-600 dark:text-slate-300">
        {range}
        {busy ? ' (loading…)' : ''}
      </span>
    </div>
  );
}

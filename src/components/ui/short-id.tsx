import { shortId } from '../../lib/format';
import { CopyButton } from './copy-button';
import { InvalidValue } from './invalid-value';

export type ShortIdProps = {
  value: string | null;
  /** What the id is, for the copy button's name: "Copy peer id …". */
  label: string;
  problem?: { raw: unknown; reason: string } | undefined;
};

/** A long id shown short (full on hover), with a copy button; flagged when invalid. */
export function ShortId({ value, label, problem }: ShortIdProps) {
  if (problem) return <InvalidValue raw={problem.raw} reason={problem.reason} nowrap />;
  if (value === null) return <span className="text-slate-500 dark:text-slate-400">—</span>;
  return (
    <span className="inline-flex items-center gap-1">
      <code className="font-mono text-xs" title={value}>
        {shortId(value)}
      </code>
      <CopyButton value={value} label={`${label} ${value}`} />
    </span>
  );
}

import type { ReactNode } from 'react';
import { InvalidValue } from '../../components/ui/invalid-value';
import type { Shown } from './lib/summary';

export type ShownValueProps<T> = {
  shown: Shown<T>;
  /** Said when the API sent nothing. */
  missing?: string;
  children: (value: T) => ReactNode;
};

/** A field as read: its value, "not sent", or flagged invalid with the raw value. */
export function ShownValue<T>({ shown, missing = 'not sent', children }: ShownValueProps<T>) {
  if (shown.kind === 'invalid') return <InvalidValue raw={shown.raw} reason={shown.reason} />;
  if (shown.kind === 'missing') {
    return <span className="italic text-slate-500 dark:text-slate-400">{missing}</span>;
  }
  return <>{children(shown.value)}</>;
}

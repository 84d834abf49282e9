import { formatCount } from '../../lib/format';
import { countHidden, revealHidden } from '../../lib/hidden-characters';

export type DisplayNameProps = { name: string };

/**
 * A name typed by the user: rendered as text only, isolated so its direction cannot spill
 * over, cut visually when absurdly long, and with hidden characters pointed out.
 */
export function DisplayName({ name }: DisplayNameProps) {
  const hidden = countHidden(name);
  return (
    <span className="grid min-w-0 gap-0.5">
      <bdi className="line-clamp-2 break-all text-lg">{name}</bdi>
      {hidden > 0 ? (
        <span className="text-xs font-normal text-amber-800 dark:text-amber-300">
          Contains {formatCount(hidden)} invisible or direction-changing character
          {hidden === 1 ? '' : 's'}:{' '}
          <code className="break-all">{revealHidden(name).slice(0, 300)}</code>
        </span>
      ) : null}
      {name.length > 120 ? (
        <span className="text-xs font-normal text-slate-600 dark:text-slate-400">
          {formatCount(name.length)} characters long
        </span>
      ) : null}
    </span>
  );
}

import type { AnchorHTMLAttributes, MouseEvent } from 'react';
import { navigate } from '../../lib/route';

export type AppLinkProps = AnchorHTMLAttributes<HTMLAnchorElement> & { href: string };

/** A real link (open in new tab, copy address) that navigates in place on a plain click. */
export function AppLink({ href, onClick, ...rest }: AppLinkProps) {
  const handle = (event: MouseEvent<HTMLAnchorElement>) => {
    onClick?.(event);
    if (event.defaultPrevented || event.button !== 0) return;
    if (event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
    event.preventDefault();
    navigate(href);
    window.scrollTo(0, 0);
  };
  return <a href={href} onClick={handle} {...rest} />;
}

import type { Route } from '../../lib/route';
import type { ViewParams } from '../../lib/view-params';
import { usePortalBridge } from './use-portal-bridge';

export type PortalBridgeProps = { route: Route; view: ViewParams; href: string };

/**
 * The portal protocol's side in the app, as a component of its own: its code loads only in a
 * frame (app.tsx), so a deep link opened in a tab does not carry it.
 */
export default function PortalBridge({ route, view, href }: PortalBridgeProps) {
  usePortalBridge(route, view, href);
  return null;
}

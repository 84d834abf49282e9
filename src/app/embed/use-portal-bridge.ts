/**
 * The app's side of the portal protocol (portal-messages.ts). Only when framed, and only with
 * the origins the server allows (EMBED_PARENT_ORIGINS): messages go out with an explicit
 * target origin, never "*", and come in only from window.parent at one of those origins.
 */
import { useQuery } from '@tanstack/react-query';
import { useEffect } from 'react';
import { appConfigQueryOptions } from '../../api/config-query';
import {
  currentHref,
  currentRoute,
  navigate,
  parentOrigin,
  type Route,
  shareUrl,
  toDeepLink,
  useOrigin,
  withView,
} from '../../lib/route';
import type { ViewParams } from '../../lib/view-params';
import { setPortalTheme } from '../theme';
import { MESSAGE_SOURCE, type OutboundMessage, readInbound } from './portal-messages';

const framed = () => window.parent !== window;

/** The allowed origins the parent can be: its actual origin where the browser tells it. */
function targetOrigins(allowed: readonly string[]): string[] {
  const parent = parentOrigin();
  if (parent === undefined) return [...allowed];
  return allowed.includes(parent) ? [parent] : [];
}

export function post(allowed: readonly string[], message: OutboundMessage) {
  for (const origin of targetOrigins(allowed)) {
    window.parent.postMessage({ source: MESSAGE_SOURCE, ...message }, origin);
  }
}

export function onInbound(event: MessageEvent, allowed: readonly string[]) {
  if (event.source !== window.parent || !allowed.includes(event.origin)) return;
  const message = readInbound(event.data);
  if (!message) return;
  const { view } = currentRoute();
  if (message.type === 'navigate') {
    navigate(
      toDeepLink(
        {
          sessionId: message.session_id,
          participantId: message.participant_id,
          filters: message.filters ?? [],
          includePeerEvents: message.include_peer_events ?? true,
        },
        view,
      ),
    );
  } else if (message.type === 'set-theme') {
    setPortalTheme(message.theme);
  } else {
    navigate(withView(currentHref(), { ...view, redact: message.redact }), { replace: true });
  }
}

export function usePortalBridge(route: Route, view: ViewParams, href: string) {
  const { data } = useQuery(appConfigQueryOptions());
  const allowed = data?.embed?.parent_origins ?? [];
  const key = allowed.join(' ');

  useEffect(() => {
    const origins = key.split(' ').filter(Boolean);
    if (!framed() || origins.length === 0) return;
    const listener = (event: MessageEvent) => onInbound(event, origins);
    window.addEventListener('message', listener);
    post(origins, { type: 'ready', version: 1 });
    // The portal sizes the iframe to the content, so the frame never needs its own scrollbar.
    const root = document.getElementById('root');
    let last = 0;
    const observer = new ResizeObserver(() => {
      const height = Math.ceil(root?.getBoundingClientRect().height ?? 0);
      if (height !== last) {
        last = height;
        post(origins, { type: 'resize', height });
      }
    });
    if (root) observer.observe(root);
    return () => {
      window.removeEventListener('message', listener);
      observer.disconnect();
    };
  }, [key]);

  const participant = route.kind === 'participant' ? route.params : null;
  const origin = useOrigin();
  useEffect(() => {
    const origins = key.split(' ').filter(Boolean);
    if (!framed() || origins.length === 0 || !href) return;
    post(origins, {
      type: 'navigated',
      session_id: participant?.sessionId ?? null,
      participant_id: participant?.participantId ?? null,
      deep_link: shareUrl(href, view, origin),
    });
  }, [key, href, view, origin, participant?.sessionId, participant?.participantId]);
}

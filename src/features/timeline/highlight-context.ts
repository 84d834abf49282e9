import { createContext } from 'react';
import type { TimeWindow } from '../../lib/time-window';

/** The reported window the time cells mark, or null. Provided by the table. */
export const HighlightContext = createContext<TimeWindow | null>(null);

/** Peer events (by record index) that arrived with the latest live refresh. */
export const FreshContext = createContext<ReadonlySet<number>>(new Set());

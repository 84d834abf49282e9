import { createContext } from 'react';
import { type Clock, MY_CLOCK } from '../../lib/clock';

/** The clock every time on the page is shown on. The participant page provides it. */
export const ClockContext = createContext<Clock>(MY_CLOCK);

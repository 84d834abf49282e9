import { createContext } from 'react';

export type Mask = {
  /** True while "Hide personal data" is on. */
  readonly active: boolean;
  /** A raw API value as it may be shown: as sent, or with personal data hidden. */
  readonly raw: (value: unknown) => unknown;
};

/** How personal data is shown. The page provides it; primitives that print raw values read it. */
export const MaskContext = createContext<Mask>({ active: false, raw: (value) => value });

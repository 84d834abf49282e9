import { createContext } from 'react';

/**
 * How raw values are shown: as sent, or with personal data hidden ("Hide personal data").
 * The page provides it; primitives that print raw API values read it.
 */
export const MaskContext = createContext<(raw: unknown) => unknown>((raw) => raw);

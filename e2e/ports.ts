/** Where the end-to-end servers listen; shared by playwright.config.ts and the specs. */
export const PORT = Number(process.env.E2E_PORT ?? 8787);
export const APP_ORIGIN = `http://127.0.0.1:${PORT}`;
/** A second server: the same build under BASE_PATH, for the base-path spec. */
export const BASED_PORT = PORT + 1;
export const BASE_PATH = '/tools/rtk-inspector/';
/** The portal page that may frame the app (FRAME_ANCESTORS) and talk to it. */
export const PORTAL_PORT = PORT + 3;
export const PORTAL_ORIGIN = `http://127.0.0.1:${PORTAL_PORT}`;
/** Another origin, not allowed: it must neither frame the app nor steer it. */
export const HOSTILE_PORT = PORT + 4;
export const HOSTILE_ORIGIN = `http://127.0.0.1:${HOSTILE_PORT}`;

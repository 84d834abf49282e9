/**
 * Who the embedded mock answers for. Not secrets: the demo token only proves that the proxy
 * sends a bearer token the way it must to Cloudflare.
 */
export const DEMO_TOKEN = 'rtk-demo-token-not-a-secret';
export const DEMO_ACCOUNT_ID = '0d3f1a2b4c5d6e7f8091a2b3c4d5e6f7';
export const DEMO_APP_ID = 'a1b2c3d4-e5f6-4a7b-8c9d-0e1f2a3b4c5d';
/** The in-process address the proxy calls in demo mode; never resolved over the network. */
export const DEMO_API_BASE = 'http://rtk-mock.internal/client/v4';

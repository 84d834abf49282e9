/**
 * Test support: a stand-in Cloudflare Access team. It serves its key set on a real loopback port
 * at /cdn-cgi/access/certs, shaped like Cloudflare's, and signs tokens the way Access does.
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { exportJWK, generateKeyPair, type JWTPayload, SignJWT } from 'jose';

export const TEST_AUDIENCE = 'test-aud-0123456789abcdef';

export type AccessTeam = Awaited<ReturnType<typeof startAccessTeam>>;

export async function startAccessTeam(audience = TEST_AUDIENCE) {
  const { publicKey, privateKey } = await generateKeyPair('RS256', { extractable: true });
  const kid = 'test-key-1';
  const jwk = { ...(await exportJWK(publicKey)), kid, alg: 'RS256', use: 'sig' };
  // jose reads `keys` only; the PEM certificates Cloudflare also lists are stand-ins here.
  const body = JSON.stringify({
    keys: [jwk],
    public_cert: { kid, cert: '(not used)' },
    public_certs: [{ kid, cert: '(not used)' }],
  });
  let certsRequests = 0;
  const server = createServer((req, res) => {
    if (req.url !== '/cdn-cgi/access/certs') {
      res.writeHead(404).end();
      return;
    }
    certsRequests += 1;
    res.writeHead(200, { 'content-type': 'application/json' }).end(body);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const teamDomain = `http://127.0.0.1:${port}`;

  /** Claims as Access issues them for a signed-in user, valid for ten minutes from now. */
  function claims(overrides: JWTPayload = {}): JWTPayload {
    const now = Math.floor(Date.now() / 1000);
    return {
      aud: [audience],
      email: 'ada@example.com',
      sub: '7335d417-61da-459d-899c-0a01c76a2f94',
      iss: teamDomain,
      iat: now,
      nbf: now,
      exp: now + 600,
      type: 'app',
      ...overrides,
    };
  }

  return {
    teamDomain,
    audience,
    kid,
    publicKey,
    get certsRequests() {
      return certsRequests;
    },
    claims,
    /** An RS256 token with this team's key (or `key`, to play a stranger); claims overridable. */
    sign(overrides: JWTPayload = {}, key: CryptoKey = privateKey, keyId = kid) {
      return new SignJWT(claims(overrides))
        .setProtectedHeader({ alg: 'RS256', kid: keyId, typ: 'JWT' })
        .sign(key);
    },
    close: () =>
      new Promise<void>((done) => {
        server.closeAllConnections();
        server.close(() => done());
      }),
  };
}

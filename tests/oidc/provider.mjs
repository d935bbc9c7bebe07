// A real OpenID provider for tests/sso.rs: panva's oidc-provider (OpenID Certified), on
// 127.0.0.1 and a free port, with one client and a few test accounts. The login page is
// scripted: POST /interaction/:uid/login with `login=<account id>` signs that account in
// and grants `openid email` in one step, so a test drives the whole flow over HTTP.
//
// Configured by one JSON environment variable, HEARTH_TEST_OIDC:
//   client_id, client_secret, redirect_uri   the client Hearth is registered as
//   accounts: { id: { email, email_verified, xms_edov } }   (either may be left out)
//   issuer_claim (optional)   the issuer the provider calls itself, instead of its own
//                             URL: a provider answering for another issuer
//   wrong_nonce (optional)    replace the nonce of every authorization request, so ID
//                             tokens carry a nonce Hearth did not send
// Prints `listening on http://127.0.0.1:PORT` once it answers, and runs until killed.

import http from 'node:http';
import Provider from 'oidc-provider';

const config = JSON.parse(process.env.HEARTH_TEST_OIDC ?? '{}');
const accounts = config.accounts ?? {};

let provider;
// The test may stop reading once it knows the address.
process.stdout.on('error', () => {});

function readBody(req) {
  return new Promise((resolve, reject) => {
    let body = '';
    req.setEncoding('utf8');
    req.on('data', (chunk) => { body += chunk; });
    req.on('end', () => resolve(body));
    req.on('error', reject);
  });
}

async function login(req, res, uid) {
  const details = await provider.interactionDetails(req, res);
  if (details.uid !== uid) throw new Error('interaction mismatch');
  const accountId = new URLSearchParams(await readBody(req)).get('login');
  if (!accounts[accountId]) {
    res.writeHead(400, { 'content-type': 'text/plain' });
    res.end(`no test account ${accountId}`);
    return;
  }
  const grant = new provider.Grant({ accountId, clientId: details.params.client_id });
  grant.addOIDCScope('openid email');
  const grantId = await grant.save();
  await provider.interactionFinished(
    req,
    res,
    { login: { accountId }, consent: { grantId } },
    { mergeWithLastSubmission: false },
  );
}

const server = http.createServer(async (req, res) => {
  try {
    const url = new URL(req.url, 'http://127.0.0.1');
    const interaction = url.pathname.match(/^\/interaction\/([^/]+)(\/login)?$/);
    if (interaction && req.method === 'POST' && interaction[2]) {
      await login(req, res, interaction[1]);
      return;
    }
    if (interaction && req.method === 'GET') {
      res.writeHead(200, { 'content-type': 'text/html' });
      res.end(`<form method="post" action="/interaction/${interaction[1]}/login"><input name="login"><button>Sign in</button></form>`);
      return;
    }
    if (config.wrong_nonce && url.pathname === '/auth' && url.searchParams.has('nonce')) {
      url.searchParams.set('nonce', `not-${url.searchParams.get('nonce')}`);
      req.url = `${url.pathname}?${url.searchParams}`;
    }
    provider.callback()(req, res);
  } catch (error) {
    res.writeHead(500, { 'content-type': 'text/plain' });
    res.end(String(error));
  }
});

server.listen(0, '127.0.0.1', () => {
  const own = `http://127.0.0.1:${server.address().port}`;
  provider = new Provider(config.issuer_claim ?? own, {
    clients: [{
      client_id: config.client_id,
      client_secret: config.client_secret,
      redirect_uris: [config.redirect_uri],
      response_types: ['code'],
      grant_types: ['authorization_code'],
    }],
    // xms_edov: Microsoft Entra ID's own "e-mail domain owner verified" claim.
    claims: { openid: ['sub'], email: ['email', 'email_verified', 'xms_edov'] },
    async findAccount(ctx, id) {
      const account = accounts[id];
      if (!account) return undefined;
      return {
        accountId: id,
        async claims() {
          return {
            sub: id,
            email: account.email,
            email_verified: account.email_verified,
            xms_edov: account.xms_edov,
          };
        },
      };
    },
    pkce: { required: () => true },
    features: { devInteractions: { enabled: false } },
    cookies: { keys: ['hearth-test-cookie-key'] },
  });
  provider.proxy = false;
  console.log(`listening on ${own}`);
});

// Baseline for the bot benchmarks: the smallest real Bot Framework JS SDK bot (botbuilder CloudAdapter on plain
// node http). Same inbound auth as ours (RS256 tokens checked against OpenID metadata, audience = app id,
// serviceurl claim, endorsements) and the same outbound path (client-credentials token, reply POSTed to
// serviceUrl before the HTTP 200). It echoes messages and answers adaptiveCard/action invokes with a small card.
//
// Environment: PORT, MicrosoftAppId, MicrosoftAppPassword, BotOpenIdMetadata (the local issuer's metadata),
// BotAuthority (the local issuer's https token authority, e.g. https://127.0.0.1:1234/botframework.com).
// NODE_EXTRA_CA_CERTS must name the issuer's certificate so MSAL trusts its https endpoint.
'use strict';
const http = require('node:http');
const {
  ActivityHandler, CloudAdapter, ConfigurationBotFrameworkAuthentication, CardFactory, MessageFactory,
} = require('botbuilder');
const { MsalServiceClientCredentialsFactory } = require('botframework-connector');
// botbuilder's own msal-node (not a second copy).
const { ConfidentialClientApplication } = require(require.resolve('@azure/msal-node', { paths: [require.resolve('botframework-connector')] }));

const appId = process.env.MicrosoftAppId;
const auth = new ConfigurationBotFrameworkAuthentication(
  {
    // Setting any of these switches botbuilder to a fully parameterized (non-public-cloud) configuration.
    ValidateAuthority: false,
    ToChannelFromBotLoginUrl: process.env.BotAuthority,
    ToChannelFromBotOAuthScope: 'https://api.botframework.com',
    ToBotFromChannelTokenIssuer: 'https://api.botframework.com',
    OAuthUrl: 'https://api.botframework.com',
    ToBotFromChannelOpenIdMetadataUrl: process.env.BotOpenIdMetadata,
    ToBotFromEmulatorOpenIdMetadataUrl: process.env.BotOpenIdMetadata,
    CallerId: 'urn:botframework:azure',
  },
  // The default PasswordServiceClientCredentialFactory gives msal-node no knownAuthorities, so msal-node asks the
  // public cloud's instance discovery about the local authority and fails offline ("endpoints_resolution_error").
  // botbuilder's MSAL factory with an app that knows the local authority behaves like ours: metadata from the
  // authority itself, then client credentials, cached until shortly before expiry.
  new MsalServiceClientCredentialsFactory(appId, new ConfidentialClientApplication({
    auth: {
      clientId: appId,
      clientSecret: process.env.MicrosoftAppPassword,
      authority: process.env.BotAuthority,
      knownAuthorities: [new URL(process.env.BotAuthority).host],
    },
  })),
);
const adapter = new CloudAdapter(auth);
adapter.onTurnError = async (context, error) => {
  console.error(`turn error: ${error && error.stack ? error.stack : error}`);
  throw error; // a failed turn must not look like a 200 to the load driver
};

class EchoBot extends ActivityHandler {
  constructor() {
    super();
    this.onMessage(async (context, next) => {
      await context.sendActivity(MessageFactory.text(`Echo: ${context.activity.text}`));
      await next();
    });
  }

  async onAdaptiveCardInvoke(context, invokeValue) {
    const data = (invokeValue && invokeValue.action && invokeValue.action.data) || {};
    const card = CardFactory.adaptiveCard({
      type: 'AdaptiveCard', version: '1.5',
      body: [{ type: 'TextBlock', text: `Moved to ${data.target}.`, wrap: true }],
    }).content;
    return { statusCode: 200, type: 'application/vnd.microsoft.card.adaptive', value: card };
  }
}
const bot = new EchoBot();

// CloudAdapter.process wants an express/restify-like request (parsed body) and response (status/send/end).
const server = http.createServer((req, res) => {
  if (req.method === 'GET' && req.url === '/health') {
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end('{"status":"ok"}');
    return;
  }
  const chunks = [];
  req.on('data', (c) => chunks.push(c));
  req.on('end', () => {
    try {
      req.body = JSON.parse(Buffer.concat(chunks).toString('utf8'));
    } catch {
      req.body = undefined;
    }
    const response = {
      socket: res.socket,
      header: (name, value) => res.setHeader(name, value),
      status: (code) => { res.statusCode = code; },
      send: (body) => {
        if (body === undefined || body === null) return;
        if (typeof body === 'string' || Buffer.isBuffer(body)) {
          res.write(body);
        } else {
          res.setHeader('content-type', 'application/json');
          res.write(JSON.stringify(body));
        }
      },
      end: () => res.end(),
    };
    adapter.process(req, response, (context) => bot.run(context)).catch((err) => {
      console.error(err);
      if (!res.writableEnded) { res.statusCode = 500; res.end(); }
    });
  });
});
server.keepAliveTimeout = 120000;
server.listen(Number(process.env.PORT || 3979), '127.0.0.1', () => {
  console.log(`baseline echo bot listening on 127.0.0.1:${server.address().port}`);
});

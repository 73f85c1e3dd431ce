/**
 * Loopback stand-ins for the AWS endpoints the credential chain calls (not Bedrock): the ECS container credentials
 * endpoint, the EC2 instance metadata service (IMDSv2), STS `AssumeRoleWithWebIdentity` and the IAM Identity Center
 * portal's `GetRoleCredentials`. Each answers with the documented response shape and records what it was asked, so
 * a test can prove the chain went where it should. They hand out fixed temporary credentials.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface TemporaryCredentials {
  accessKeyId: string;
  secretAccessKey: string;
  sessionToken: string;
}

export interface CredentialEndpoint {
  url: string;
  /** Each request as `METHOD path` (query included), with the headers the chain sent. */
  requests: { line: string; headers: IncomingMessage['headers']; body: string }[];
  close(): Promise<void>;
}

type Handler = (request: IncomingMessage, body: string, response: ServerResponse) => void;

async function serve(handler: Handler): Promise<CredentialEndpoint> {
  const requests: CredentialEndpoint['requests'] = [];
  const server: Server = createServer((request, response) => {
    let body = '';
    request.setEncoding('utf8');
    request.on('data', (chunk: string) => (body += chunk));
    request.on('end', () => {
      requests.push({ line: `${request.method} ${request.url}`, headers: request.headers, body });
      handler(request, body, response);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

const inAnHour = (): string => new Date(Date.now() + 3_600_000).toISOString();

function json(response: ServerResponse, status: number, value: unknown): void {
  response.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(value));
}

/** The ECS/EKS container endpoint (`AWS_CONTAINER_CREDENTIALS_FULL_URI`), requiring `Authorization: token`. */
export function containerEndpoint(credentials: TemporaryCredentials, token: string): Promise<CredentialEndpoint> {
  return serve((request, _body, response) => {
    if (request.headers.authorization !== token) return json(response, 403, { message: 'bad token' });
    json(response, 200, {
      AccessKeyId: credentials.accessKeyId,
      SecretAccessKey: credentials.secretAccessKey,
      Token: credentials.sessionToken,
      Expiration: inAnHour(),
    });
  });
}

/** IMDSv2: a session token from `PUT /latest/api/token`, then the role's credentials. */
export function instanceMetadata(credentials: TemporaryCredentials, role: string): Promise<CredentialEndpoint> {
  const sessionToken = 'imds-session-token-0001';
  return serve((request, _body, response) => {
    if (request.method === 'PUT' && request.url === '/latest/api/token') {
      response.writeHead(200, { 'content-type': 'text/plain' }).end(sessionToken);
      return;
    }
    if (request.headers['x-aws-ec2-metadata-token'] !== sessionToken) return json(response, 401, {});
    if (request.url === '/latest/meta-data/iam/security-credentials/') {
      response.writeHead(200, { 'content-type': 'text/plain' }).end(role);
      return;
    }
    if (request.url === `/latest/meta-data/iam/security-credentials/${role}`) {
      json(response, 200, {
        Code: 'Success',
        LastUpdated: new Date().toISOString(),
        Type: 'AWS-HMAC',
        AccessKeyId: credentials.accessKeyId,
        SecretAccessKey: credentials.secretAccessKey,
        Token: credentials.sessionToken,
        Expiration: inAnHour(),
      });
      return;
    }
    response.writeHead(404).end();
  });
}

/**
 * STS (query protocol): `AssumeRoleWithWebIdentity` for the expected token, and `AssumeRole` signed (SigV4) with the
 * expected source access key.
 */
export function stsEndpoint(credentials: TemporaryCredentials, expected: { webIdentityToken?: string; sourceAccessKeyId?: string }): Promise<CredentialEndpoint> {
  return serve((request, body, response) => {
    const form = new URLSearchParams(body);
    const action = form.get('Action');
    const accepted =
      (action === 'AssumeRoleWithWebIdentity' && form.get('WebIdentityToken') === expected.webIdentityToken) ||
      (action === 'AssumeRole' &&
        expected.sourceAccessKeyId !== undefined &&
        String(request.headers.authorization).includes(`Credential=${expected.sourceAccessKeyId}/`));
    if (!accepted) {
      response.writeHead(400, { 'content-type': 'text/xml' }).end(
        '<ErrorResponse xmlns="https://sts.amazonaws.com/doc/2011-06-15/"><Error><Type>Sender</Type><Code>InvalidIdentityToken</Code><Message>bad token</Message></Error><RequestId>r-1</RequestId></ErrorResponse>',
      );
      return;
    }
    response.writeHead(200, { 'content-type': 'text/xml' }).end(
      `<${action}Response xmlns="https://sts.amazonaws.com/doc/2011-06-15/"><${action}Result>` +
        `<Credentials><AccessKeyId>${credentials.accessKeyId}</AccessKeyId><SecretAccessKey>${credentials.secretAccessKey}</SecretAccessKey>` +
        `<SessionToken>${credentials.sessionToken}</SessionToken><Expiration>${inAnHour()}</Expiration></Credentials>` +
        `<AssumedRoleUser><Arn>${form.get('RoleArn')}/session</Arn><AssumedRoleId>AROA0000:session</AssumedRoleId></AssumedRoleUser>` +
        `</${action}Result><ResponseMetadata><RequestId>r-2</RequestId></ResponseMetadata></${action}Response>`,
    );
  });
}

/** The IAM Identity Center portal: `GET /federation/credentials` with the SSO access token. */
export function ssoPortal(credentials: TemporaryCredentials, accessToken: string): Promise<CredentialEndpoint> {
  return serve((request, _body, response) => {
    if (request.headers['x-amz-sso_bearer_token'] !== accessToken || !request.url?.startsWith('/federation/credentials')) {
      return json(response, 401, { message: 'Session token not found or invalid' });
    }
    json(response, 200, {
      roleCredentials: {
        accessKeyId: credentials.accessKeyId,
        secretAccessKey: credentials.secretAccessKey,
        sessionToken: credentials.sessionToken,
        expiration: Date.now() + 3_600_000,
      },
    });
  });
}

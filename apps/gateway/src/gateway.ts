import fastifyCookie from '@fastify/cookie';
import fastifyFormbody from '@fastify/formbody';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import { SwaggerModule } from '@nestjs/swagger';
import { DomainError } from '../../../libs/domain/src';
import { AppModule } from './app.module';
import type { GatewayDependencies } from './common/infrastructure.module';
import { nestLogger } from './common/nest-logger';
import { sendProblem, toProblem } from './common/problem.filter';
import { jsonDepthExceeds, MAX_JSON_DEPTH } from './common/json-depth';
import { loggableUrl } from './common/log-redaction';
import { refusalOf } from './common/request-shape';
import { addResponseHeaders } from './common/response-headers';
import { createValidationPipe } from './common/validation';
import { registerFairAdmission } from './common/fair-admission';
import { parseMultipart } from './common/multipart';
import { siteIdentityFrom } from './config';
import { buildOpenApiDocument } from './site-shell/openapi/openapi-document';
import { provideCategories } from './site-shell/web/categories';
import { provideSiteIdentity } from './site-shell/web/site-identity';

const utf8 = new TextDecoder('utf-8', { fatal: true });

/** JSON bodies must be valid UTF-8: invalid bytes are refused, not silently replaced by U+FFFD. */
function parseStrictJson(body: Buffer): unknown {
  let text: string;
  try {
    text = utf8.decode(body);
  } catch {
    throw new DomainError('INVALID_UTF8', 'malformed', 'The request body is not valid UTF-8.');
  }
  if (text.trim() === '') return undefined;
  if (jsonDepthExceeds(text)) {
    throw new DomainError(
      'JSON_TOO_DEEP',
      'malformed',
      `The request body nests objects and arrays deeper than ${MAX_JSON_DEPTH} levels.`,
      { maxDepth: MAX_JSON_DEPTH },
    );
  }
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw new DomainError('MALFORMED_JSON', 'malformed', 'The request body is not valid JSON.');
  }
}

/**
 * Builds the HTTP application: Fastify, validation, problem+json for every error (including those
 * Fastify raises before Nest sees the request, such as malformed JSON or an oversize body), request
 * logs and the OpenAPI document at /api/docs (UI) and /api/docs-json.
 */
export async function createGateway(deps: GatewayDependencies): Promise<NestFastifyApplication> {
  // The client address comes from X-Forwarded-For only through the configured proxies (ADR 31).
  const trustProxy = deps.config.TRUSTED_PROXIES.length > 0 ? deps.config.TRUSTED_PROXIES : false;
  const adapter = new FastifyAdapter({ bodyLimit: deps.config.BODY_LIMIT_BYTES, trustProxy });
  const app = await NestFactory.create<NestFastifyApplication>(AppModule.forRoot(deps), adapter, {
    logger: nestLogger(deps.log),
    bodyParser: false,
  });
  app.useGlobalPipes(createValidationPipe());
  // Pages post HTML forms (urlencoded) and the console keeps its session in a cookie.
  await app.register(fastifyCookie);
  await app.register(fastifyFormbody, { bodyLimit: deps.config.BODY_LIMIT_BYTES });
  const fastify = app.getHttpAdapter().getInstance();
  registerFairAdmission(fastify, deps.config);
  provideSiteIdentity(fastify, siteIdentityFrom(deps.config));
  provideCategories(fastify, deps.config.DECISION_CATEGORIES);
  // Forms are for pages only and JSON for the API (415 either way: a cross-site HTML form can never post
  // to the API); a repeated query parameter is refused before any handler sees an array (400).
  fastify.addHook('onRequest', (request, _reply, done) => done(refusalOf(request)));
  const https = new URL(deps.config.PUBLIC_BASE_URL).protocol === 'https:';
  fastify.addHook('onSend', (request, reply, payload, done) => {
    addResponseHeaders(request, reply, { https });
    done(null, payload);
  });
  fastify.removeContentTypeParser('application/json');
  fastify.addContentTypeParser(
    'application/json',
    { parseAs: 'buffer', bodyLimit: deps.config.BODY_LIMIT_BYTES },
    (_request, body, done) => {
      try {
        done(null, parseStrictJson(body as Buffer));
      } catch (error) {
        done(error as Error, undefined);
      }
    },
  );
  // Attachment uploads (ADR 87): the body limit follows the attachment limit, plus room for the form fields.
  fastify.addContentTypeParser(
    'multipart/form-data',
    { parseAs: 'buffer', bodyLimit: deps.config.ATTACHMENT_MAX_BYTES + 64 * 1024 },
    (request, body, done) => {
      try {
        done(null, parseMultipart(body as Buffer, request.headers['content-type']));
      } catch (error) {
        done(error as Error, undefined);
      }
    },
  );
  fastify.setErrorHandler((error, request, reply) => {
    const { problem: body, unexpected } = toProblem(error);
    if (unexpected) deps.log.error('request failed', { method: request.method, url: loggableUrl(request.url), error });
    sendProblem(reply, request, body);
  });
  fastify.addHook('onResponse', async (request, reply) => {
    deps.log.info('request', {
      method: request.method,
      url: loggableUrl(request.url),
      status: reply.statusCode,
      ms: Math.round(reply.elapsedTime * 10) / 10,
    });
  });
  const document = buildOpenApiDocument(app);
  SwaggerModule.setup('api/docs', app, document, { jsonDocumentUrl: 'api/docs-json' });
  return app;
}

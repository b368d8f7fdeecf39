import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import { AppModule, type GatewayDependencies } from './app.module';
import { nestLogger } from './common/nest-logger';
import { sendProblem, toProblem } from './common/problem.filter';
import { createValidationPipe } from './common/validation';

/**
 * Builds the HTTP application: Fastify, validation, problem+json for every error (including those
 * Fastify raises before Nest sees the request, such as malformed JSON or an oversize body), request
 * logs and the OpenAPI document at /api/docs (UI) and /api/docs-json.
 */
export async function createGateway(deps: GatewayDependencies): Promise<NestFastifyApplication> {
  const adapter = new FastifyAdapter({ bodyLimit: deps.config.BODY_LIMIT_BYTES, trustProxy: false });
  const app = await NestFactory.create<NestFastifyApplication>(AppModule.forRoot(deps), adapter, {
    logger: nestLogger(deps.log),
  });
  app.useGlobalPipes(createValidationPipe());
  const fastify = app.getHttpAdapter().getInstance();
  fastify.setErrorHandler((error, request, reply) => {
    const { problem: body, unexpected } = toProblem(error);
    if (unexpected) deps.log.error('request failed', { method: request.method, url: request.url, error });
    sendProblem(reply, request, body);
  });
  fastify.addHook('onResponse', async (request, reply) => {
    deps.log.info('request', {
      method: request.method,
      url: request.url,
      status: reply.statusCode,
      ms: Math.round(reply.elapsedTime * 10) / 10,
    });
  });
  const document = SwaggerModule.createDocument(
    app,
    new DocumentBuilder()
      .setTitle('Open Decision API')
      .setDescription('Major administrative decisions in the open (开放决策). Errors are RFC 9457 problem+json with a stable `code`.')
      .setVersion('1')
      .addBearerAuth()
      .build(),
  );
  SwaggerModule.setup('api/docs', app, document, { jsonDocumentUrl: 'api/docs-json' });
  return app;
}

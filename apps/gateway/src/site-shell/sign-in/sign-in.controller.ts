import { Body, Controller, Get, Inject, Post, Query, Req, Res, UseFilters, UseGuards } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { JwtService } from '@nestjs/jwt';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { CONFIG, DATA_SOURCE } from '../../common/tokens';
import type { GatewayConfig } from '../../config';
import { LoginThrottledError, ThrottledAuthenticator } from './throttled-authenticator';
import { redirectAfterPost, sendConsolePage } from '../console/console-page';
import { ConsoleErrorFilter } from '../console/session/console-error.filter';
import {
  cookieOptions,
  csrfMatches,
  csrfToken,
  CSRF_FIELD,
  isSecureBase,
  newSessionId,
  safeReturnPath,
  sameOriginRequest,
  sessionCookieName,
  signInNonceCookieName,
} from '../console/session/console-session';
import { ConsoleSessionGuard, CurrentSession, type ConsoleSession } from '../console/session/console-session.guard';
import { issueStaffToken } from '../../common/staff-token';
import { clientKeyOf } from '../../common/client-address';
import { revokeSession } from '../../../../../libs/persistence/src';
import type { DataSource } from 'typeorm';
import { renderSignIn, type SignInFailure } from './sign-in.page';

type CookieRequest = FastifyRequest & { cookies?: Record<string, string | undefined> };
const NONCE_SECONDS = 3600;
const STATUS_OF_FAILURE: Record<SignInFailure['code'], number> = {
  CSRF_INVALID: 403,
  INVALID_CREDENTIALS: 401,
  LOGIN_THROTTLED: 429,
};

/** `/console/login` (form, POST) and `/console/logout` (POST): the console session cookie. */
@ApiExcludeController()
@Controller('console')
@UseFilters(ConsoleErrorFilter)
export class SignInController {
  constructor(
    private readonly jwt: JwtService,
    private readonly authenticator: ThrottledAuthenticator,
    @Inject(CONFIG) private readonly config: GatewayConfig,
    @Inject(DATA_SOURCE) private readonly dataSource: DataSource,
  ) {}

  private get secure(): boolean {
    return isSecureBase(this.config.PUBLIC_BASE_URL);
  }

  /** Clearing needs the same attributes: a browser ignores a `__Host-` cookie set without Secure. */
  private expired(): Omit<ReturnType<typeof cookieOptions>, 'maxAge'> {
    const { maxAge: _maxAge, ...options } = cookieOptions(this.config.PUBLIC_BASE_URL, 0);
    return options;
  }

  /** The sign-in form, bound to a fresh pre-session nonce (login CSRF). */
  private async showForm(
    request: FastifyRequest,
    reply: FastifyReply,
    next: string,
    username: string,
    failed: SignInFailure | undefined,
  ): Promise<void> {
    const nonce = newSessionId();
    void reply.setCookie(
      signInNonceCookieName(this.secure),
      nonce,
      cookieOptions(this.config.PUBLIC_BASE_URL, NONCE_SECONDS),
    );
    const csrf = csrfToken(this.config.AUTH_SECRET, 'sign-in', nonce);
    if (failed?.code === 'LOGIN_THROTTLED') void reply.header('retry-after', String(failed.retryAfterSeconds));
    await sendConsolePage(
      request,
      reply,
      undefined,
      (context) => renderSignIn(context, { csrf, next, username, failed }),
      failed ? STATUS_OF_FAILURE[failed.code] : 200,
    );
  }

  @Get('login')
  async form(@Req() request: FastifyRequest, @Res() reply: FastifyReply, @Query('next') next: unknown): Promise<void> {
    await this.showForm(request, reply, safeReturnPath(next), '', undefined);
  }

  @Post('login')
  async signIn(
    @Req() request: CookieRequest,
    @Res() reply: FastifyReply,
    @Body() body: Record<string, unknown>,
  ): Promise<void> {
    const next = safeReturnPath(body['next']);
    const username = typeof body['username'] === 'string' ? body['username'].slice(0, 64) : '';
    const nonce = request.cookies?.[signInNonceCookieName(this.secure)];
    if (
      !sameOriginRequest(request.headers, this.config.PUBLIC_BASE_URL) ||
      !csrfMatches(this.config.AUTH_SECRET, 'sign-in', nonce, body[CSRF_FIELD])
    ) {
      return this.showForm(request, reply, next, username, { code: 'CSRF_INVALID' });
    }
    const password = typeof body['password'] === 'string' ? body['password'].slice(0, 256) : '';
    let account;
    try {
      account =
        username && password
          ? await this.authenticator.authenticate(username, password, clientKeyOf(request.ip))
          : undefined;
    } catch (error) {
      if (!(error instanceof LoginThrottledError)) throw error;
      return this.showForm(request, reply, next, username, {
        code: 'LOGIN_THROTTLED',
        retryAfterSeconds: error.retryAfterSeconds,
        accountLocked: error.accountLocked,
      });
    }
    if (!account) return this.showForm(request, reply, next, username, { code: 'INVALID_CREDENTIALS' });
    const ttl = this.config.AUTH_TOKEN_TTL_SECONDS;
    const { token } = await issueStaffToken(this.jwt, account, 'console', ttl);
    void reply.clearCookie(signInNonceCookieName(this.secure), this.expired());
    void reply.setCookie(sessionCookieName(this.secure), token, cookieOptions(this.config.PUBLIC_BASE_URL, ttl));
    await redirectAfterPost(reply, next);
  }

  /** Sign-out needs the session's form token like every console POST; it ends the session on the server (ADR 30) and clears the cookie. */
  @Post('logout')
  @UseGuards(ConsoleSessionGuard)
  async signOut(@Res() reply: FastifyReply, @CurrentSession() session: ConsoleSession): Promise<void> {
    if (session.claims)
      await revokeSession(this.dataSource, session.claims.sid, new Date(session.claims.exp * 1000), new Date());
    void reply.clearCookie(sessionCookieName(this.secure), this.expired());
    await redirectAfterPost(reply, '/console/login');
  }
}

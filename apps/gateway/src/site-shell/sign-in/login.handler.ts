import { Inject, Injectable } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { DomainError } from '../../../../../libs/domain/src';
import type { GatewayConfig } from '../../config';
import { CONFIG } from '../../common/tokens';
import type { LoginRequest, LoginResponse } from './login.dto';
import { ThrottledAuthenticator } from './throttled-authenticator';
import { issueStaffToken } from '../../common/staff-token';

@Injectable()
export class LoginHandler {
  constructor(
    private readonly authenticator: ThrottledAuthenticator,
    @Inject(CONFIG) private readonly config: GatewayConfig,
    private readonly jwt: JwtService,
  ) {}

  /** `client`: the caller's client key, which failed attempts are counted against (ADR 22, 31). */
  async execute(request: LoginRequest, client: string): Promise<LoginResponse> {
    const account = await this.authenticator.authenticate(request.username, request.password, client);
    if (!account) throw new DomainError('INVALID_CREDENTIALS', 'unauthorized', 'Unknown username or wrong password.');
    const ttl = this.config.AUTH_TOKEN_TTL_SECONDS;
    const { token, expiresAt } = await issueStaffToken(this.jwt, account, 'api', ttl);
    return {
      token,
      expiresAt: expiresAt.toISOString(),
      account: { username: account.username, unit: account.unit, role: account.role },
    };
  }
}

import { Inject, Injectable } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import type { DataSource } from 'typeorm';
import { DomainError } from '../../../../libs/domain/src';
import { authenticate } from '../../../../libs/persistence/src';
import type { GatewayConfig } from '../config';
import { CONFIG, DATA_SOURCE } from '../common/tokens';
import type { LoginRequest, LoginResponse } from './login.dto';

@Injectable()
export class LoginHandler {
  constructor(
    @Inject(DATA_SOURCE) private readonly dataSource: DataSource,
    @Inject(CONFIG) private readonly config: GatewayConfig,
    private readonly jwt: JwtService,
  ) {}

  async execute(request: LoginRequest): Promise<LoginResponse> {
    const account = await authenticate(this.dataSource, request.username, request.password);
    if (!account) throw new DomainError('INVALID_CREDENTIALS', 'unauthorized', 'Unknown username or wrong password.');
    const ttl = this.config.AUTH_TOKEN_TTL_SECONDS;
    const token = await this.jwt.signAsync({ sub: account.id }, { expiresIn: ttl });
    return {
      token,
      expiresAt: new Date(Date.now() + ttl * 1000).toISOString(),
      account: { username: account.username, unit: account.unit, role: account.role },
    };
  }
}

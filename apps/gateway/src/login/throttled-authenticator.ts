import { Inject, Injectable } from '@nestjs/common';
import type { DataSource } from 'typeorm';
import { DomainError } from '../../../../libs/domain/src';
import { authenticate, type Account } from '../../../../libs/persistence/src';
import type { GatewayConfig } from '../config';
import { CONFIG, DATA_SOURCE } from '../common/tokens';
import { SignInThrottle } from './sign-in-throttle';

/** Too many failed sign-ins (HTTP 429, `Retry-After` = `retryAfterSeconds`); the password was not checked. */
export class LoginThrottledError extends DomainError {
  constructor(readonly retryAfterSeconds: number) {
    super('LOGIN_THROTTLED', 'rate_limited', 'Too many failed sign-ins for this username or from this address; the password was not checked. Try again after Retry-After seconds.', { retryAfterSeconds });
    this.name = 'LoginThrottledError';
  }
}

/**
 * The password check of the API's login and the console's sign-in form, behind one `SignInThrottle`
 * (ADR 22). The client is the socket's address: forwarding headers are not trusted (no proxy is
 * configured), as for the opinion rate limit.
 */
@Injectable()
export class ThrottledAuthenticator {
  private readonly throttle: SignInThrottle;

  constructor(
    @Inject(DATA_SOURCE) private readonly dataSource: DataSource,
    @Inject(CONFIG) config: GatewayConfig,
  ) {
    this.throttle = new SignInThrottle({
      maxFailures: config.LOGIN_MAX_FAILURES,
      maxFailuresPerClient: config.LOGIN_MAX_FAILURES_PER_CLIENT,
      windowMs: config.LOGIN_WINDOW_SECONDS * 1000,
    });
  }

  /** The account, or undefined for a wrong password / unknown or disabled account; throws LoginThrottledError. */
  async authenticate(username: string, password: string, client: string | undefined): Promise<Account | undefined> {
    const from = client ?? 'unknown';
    const wait = this.throttle.attempt(username, from);
    if (wait !== undefined) throw new LoginThrottledError(wait);
    let account: Account | undefined;
    try {
      account = await authenticate(this.dataSource, username, password);
    } catch (error) {
      this.throttle.abandoned(username, from);
      throw error;
    }
    if (account) this.throttle.succeeded(username, from);
    return account;
  }
}

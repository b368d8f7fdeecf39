import { Inject, Injectable } from '@nestjs/common';
import type { DataSource } from 'typeorm';
import { DomainError } from '../../../../../libs/domain/src';
import { authenticate, type Account } from '../../../../../libs/persistence/src';
import type { GatewayConfig } from '../../config';
import type { LimitStore } from '../../common/limits/limit-store';
import { CONFIG, DATA_SOURCE, LIMIT_STORE } from '../../common/tokens';
import { SignInThrottle } from './sign-in-throttle';

/** Too many failed sign-ins (HTTP 429, `Retry-After` = `retryAfterSeconds`); the password was not checked. */
export class LoginThrottledError extends DomainError {
  constructor(
    readonly retryAfterSeconds: number,
    readonly accountLocked: boolean,
  ) {
    super(
      'LOGIN_THROTTLED',
      'rate_limited',
      accountLocked
        ? 'Too many failed sign-ins for this username from all addresses together; the password was not checked. Try again after Retry-After seconds, or ask an administrator to end the lockout.'
        : 'Too many failed sign-ins for this username or from this address; the password was not checked. Try again after Retry-After seconds.',
      { retryAfterSeconds, accountLocked },
    );
    this.name = 'LoginThrottledError';
  }
}

/**
 * The password check of the API's login and the console's sign-in form, behind one `SignInThrottle`
 * whose budgets live in the limit store every gateway shares (ADR 22, 31). `client` is the client key
 * (`clientKeyOf(request.ip)`: through trusted proxies only, IPv6 per /64).
 */
@Injectable()
export class ThrottledAuthenticator {
  readonly throttle: SignInThrottle;

  constructor(
    @Inject(DATA_SOURCE) private readonly dataSource: DataSource,
    @Inject(CONFIG) config: GatewayConfig,
    @Inject(LIMIT_STORE) store: LimitStore,
  ) {
    this.throttle = new SignInThrottle(store, {
      maxFailures: config.LOGIN_MAX_FAILURES,
      maxFailuresPerClient: config.LOGIN_MAX_FAILURES_PER_CLIENT,
      maxFailuresPerAccount: config.LOGIN_MAX_FAILURES_PER_ACCOUNT,
      windowMs: config.LOGIN_WINDOW_SECONDS * 1000,
    });
  }

  /** The account, or undefined for a wrong password / unknown or disabled account; throws LoginThrottledError. */
  async authenticate(username: string, password: string, client: string): Promise<Account | undefined> {
    const refused = await this.throttle.attempt(username, client);
    if (refused) throw new LoginThrottledError(refused.retryAfterSeconds, refused.accountLocked);
    let account: Account | undefined;
    try {
      account = await authenticate(this.dataSource, username, password);
    } catch (error) {
      await this.throttle.abandoned(username, client);
      throw error;
    }
    if (account) await this.throttle.succeeded(username, client);
    return account;
  }
}

import { lookupSecretHash, normalizeLookupSecret } from '../../../../libs/domain/src';
import { staffLookupSecret } from './staff-lookup-secret';

describe('the lookup secret of a request staff registered', () => {
  const pepper = 'pepper-pepper-pepper-0123456789';

  it('is the same for the same request and pepper, so staff can print it again', () => {
    expect(staffLookupSecret(pepper, 'req-1')).toBe(staffLookupSecret(pepper, 'req-1'));
  });

  it('differs by request and by pepper', () => {
    const secrets = new Set([
      staffLookupSecret(pepper, 'req-1'),
      staffLookupSecret(pepper, 'req-2'),
      staffLookupSecret('another-pepper-0123456789', 'req-1'),
    ]);
    expect(secrets.size).toBe(3);
  });

  it('is a secret as the lookup reads it: typed back, it hashes to what is stored', () => {
    const secret = staffLookupSecret(pepper, 'req-1');
    const typed = normalizeLookupSecret(secret.toLowerCase().replace(/-/g, ' '));
    expect(typed).toBe(secret);
    expect(lookupSecretHash(typed!)).toBe(lookupSecretHash(secret));
  });
});

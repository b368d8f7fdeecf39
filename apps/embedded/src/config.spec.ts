import { ConfigError } from '../../../libs/runtime/src';
import { isLoopbackHost, loadEmbeddedConfig } from './config';

describe('launcher configuration', () => {
  it.each(['passwordpassword', 'short1', 'admin-admin-admin', '123456789012'])(
    'refuses DEMO_PASSWORD=%j by the staff password rule',
    (password) => {
      expect(() => loadEmbeddedConfig({ DEMO_PASSWORD: password })).toThrow(ConfigError);
      expect(() => loadEmbeddedConfig({ DEMO_PASSWORD: password })).toThrow(/DEMO_PASSWORD/);
    },
  );

  it('accepts a long, uncommon DEMO_PASSWORD', () => {
    expect(loadEmbeddedConfig({ DEMO_PASSWORD: 'correct-horse-battery-staple' }).DEMO_PASSWORD).toBe(
      'correct-horse-battery-staple',
    );
  });

  it('seeds demo accounts only on loopback hosts', () => {
    for (const host of ['127.0.0.1', '127.8.0.1', 'localhost', '::1', '[::1]']) expect(isLoopbackHost(host)).toBe(true);
    for (const host of ['0.0.0.0', '::', '192.168.1.10', 'decisions.example.gov.cn', '10.0.0.1'])
      expect(isLoopbackHost(host)).toBe(false);
  });
});

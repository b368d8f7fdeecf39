import { canonicalize } from './jcs';

describe('canonicalize (RFC 8785)', () => {
  it('serialises the RFC 8785 §3.2.2 example exactly', () => {
    const input = JSON.parse(
      '{"numbers":[333333333.33333329,1E30,4.50,2e-3,0.000000000000000000000000001],"string":"\\u20ac$\\u000F\\u000aA\'\\u0042\\u0022\\u005c\\\\\\"\\/","literals":[null,true,false]}',
    ) as unknown;
    expect(canonicalize(input)).toBe(
      '{"literals":[null,true,false],"numbers":[333333333.3333333,1e+30,4.5,0.002,1e-27],"string":"€$\\u000f\\nA\'B\\"\\\\\\\\\\"/"}',
    );
  });

  it('sorts keys by UTF-16 code units (RFC 8785 §3.2.3)', () => {
    const input = {
      '\u20ac': 'Euro',
      '\r': 'CR',
      '\ufb33': 'Hebrew',
      '1': 'One',
      '\ud83d\ude00': 'Emoji',
      '\u0080': 'Control',
      '\u00f6': 'Latin',
    };
    const text = canonicalize(input);
    const order = ['CR', 'One', 'Control', 'Latin', 'Euro', 'Emoji', 'Hebrew'].map((value) =>
      text.indexOf(`"${value}"`),
    );
    expect(order).toEqual([...order].sort((a, b) => a - b));
    expect(text.startsWith('{"\\r":"CR","1":"One"')).toBe(true);
  });

  it('sorts nested objects and keeps array order', () => {
    expect(canonicalize({ b: [{ z: 1, a: 2 }], a: { d: null, c: 'x' } })).toBe(
      '{"a":{"c":"x","d":null},"b":[{"a":2,"z":1}]}',
    );
  });

  it('omits undefined properties as JSON does, and refuses values JSON cannot carry', () => {
    expect(canonicalize({ a: undefined, b: 1 })).toBe('{"b":1}');
    expect(() => canonicalize({ a: Number.NaN })).toThrow(TypeError);
    expect(() => canonicalize({ a: 1n })).toThrow(TypeError);
  });
});

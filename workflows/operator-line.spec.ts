import { operatorLine } from './operator-line';

describe('operatorLine', () => {
  it('reads title · unit name (unit id) from the memo the registration set', () => {
    expect(
      operatorLine({ title: '关于调整停车收费的决定', unit: 'unit-a', unitName: '示范起草单位', category: 'x' }),
    ).toBe('关于调整停车收费的决定 · 示范起草单位 (unit-a)');
  });

  it('shows the unit id alone when it has no other name, and nothing for a run without that memo', () => {
    expect(operatorLine({ title: 'T', unit: 'unit-a', unitName: 'unit-a' })).toBe('T · unit-a');
    expect(operatorLine(undefined)).toBeUndefined();
    expect(operatorLine({})).toBeUndefined();
    expect(operatorLine({ title: 3, unit: 'unit-a' })).toBeUndefined();
  });
});

import { deidentify, isResidentIdNumber, passesLuhn } from './deidentify';

// 11010519491231002X is the GB 11643 standard's own example number; 6222020200000000006 passes Luhn.
describe('de-identification of the public copy of an opinion', () => {
  it.each([
    ['resident ID number', '我的身份证号是11010519491231002X，请核实', '我的身份证号是[身份证号已隐去]，请核实'],
    ['mobile number', '联系我13812345678谢谢', '联系我[手机号已隐去]谢谢'],
    ['mobile number with spaces and country code', '电话 +86 138 1234 5678', '电话 [手机号已隐去]'],
    ['landline number', '办公电话010-62345678', '办公电话[电话已隐去]'],
    ['landline with area code in brackets', '(0551)62345678', '[电话已隐去]'],
    ['e-mail address', '请回复 zhang.san@example.com', '请回复 [邮箱已隐去]'],
    ['bank card number', '卡号6222020200000000006用于补贴', '卡号[银行卡号已隐去]用于补贴'],
    ['bank card number in groups', '卡号 6222 0202 0000 0000 006', '卡号 [银行卡号已隐去]'],
  ])('masks a %s', (_kind, input, expected) => {
    expect(deidentify(input).text).toBe(expected);
  });

  it.each([
    ['a year', '2026年起实施，2019年的规定废止'],
    ['an article number', '建议修改第32条第2款'],
    ['an amount', '补贴标准提高到1200元，总额约350000000元'],
    ['a long amount in yuan', '项目总投资6222020200000000006元'],
    ['a date', '2026-11-26之前完成'],
    ['a percentage', '比例调整为15%'],
    ['an 18-digit number without a valid checksum', '编号110105194912310021'],
    ['a 16-digit number failing Luhn', '流水号1234567812345678'],
  ])('leaves %s alone', (_kind, input) => {
    expect(deidentify(input).text).toBe(input);
  });

  it("masks the submitter's own name and contact where the text repeats them", () => {
    const result = deidentify('我是张三丰，住在和平路，电话 0551-1234567，张三丰建议…', { name: '张三丰', phone: '0551-1234567' });
    expect(result.text).not.toContain('张三丰');
    expect(result.text).not.toContain('1234567');
    expect(result.masked.name).toBe(2);
  });

  it('reports what it masked by kind, never the values', () => {
    expect(deidentify('13812345678 与 a@b.cn').masked).toEqual({ mobile: 1, email: 1 });
  });

  it('validates resident ID numbers and Luhn as the standards define them', () => {
    expect(isResidentIdNumber('11010519491231002X')).toBe(true);
    expect(isResidentIdNumber('110105194912310021')).toBe(false);
    expect(passesLuhn('6222020200000000006')).toBe(true);
    expect(passesLuhn('6222020200000000005')).toBe(false);
  });
});

import { deidentify, isResidentIdNumber, passesLuhn } from './deidentify';

/** The same characters as a Chinese input method in full-width mode types them. */
const fullWidth = (ascii: string): string =>
  ascii.replace(/[0-9A-Z]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0));

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
    // Issue 13's reproductions and their relatives: full-width digits, spaced and hyphenated numbers.
    ['full-width mobile number', '我的手机１３９１２３４５６７８', '我的手机[手机号已隐去]'],
    ['mobile number with full-width digits and spaces', '电话：１３９ １２３４ ５６７８。', '电话：[手机号已隐去]。'],
    ['hyphenated mobile number', '打139-1234-5678找我', '打[手机号已隐去]找我'],
    ['mobile number spaced digit by digit', '1 3 9 1 2 3 4 5 6 7 8', '[手机号已隐去]'],
    ['mobile number with a full-width country code', '＋８６ １３９１２３４５６７８', '[手机号已隐去]'],
    ['resident ID number written with spaces', '身份证 110105 19491231 002X 号码', '身份证 [身份证号已隐去] 号码'],
    ['resident ID number written with hyphens', '证件110105-19491231-002x', '证件[身份证号已隐去]'],
    ['full-width resident ID number', `身份证${fullWidth('11010519491231002X')}`, '身份证[身份证号已隐去]'],
    ['landline with a hyphen inside the number', '办公室 0551-6234-5678', '办公室 [电话已隐去]'],
    ['landline with full-width brackets', '（０５５１）６２３４５６７８', '[电话已隐去]'],
    ['bank card number in full-width digits', `卡号${fullWidth('6222020200000000006')}`, '卡号[银行卡号已隐去]'],
    ['e-mail address with spaces around @', '邮箱 li.si @ example.com 谢谢', '邮箱 [邮箱已隐去] 谢谢'],
    ['e-mail address written with [at]', '邮箱li.si[at]example.com', '邮箱[邮箱已隐去]'],
    ['e-mail address written with (at) and (dot)', 'lisi (at) example (dot) com', '[邮箱已隐去]'],
    ['e-mail address written with full-width brackets', 'lisi（at）example.com.cn', '[邮箱已隐去]'],
    ['e-mail address with a full-width @', 'lisi＠example.com', '[邮箱已隐去]'],
    [
      'e-mail address written with the words at and dot',
      'write to li.si at example dot com please',
      'write to [邮箱已隐去] please',
    ],
    ['e-mail address with a dotted local part and the word at', 'zhang_san at mail.example.cn', '[邮箱已隐去]'],
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
    ['a full-width year and article number', '２０２６年起，第３２条第２款'],
    ['a full-width amount', '补贴１２００元'],
    ['a date written with spaces', '2026 年 11 月 26 日之前'],
    ['a date range', '2026-11-26至2027-01-01'],
    ['a list of years', '2019 2020 2021 2022年的数据'],
    ['an amount that looks like a mobile number', '总额13912345678元'],
    ['a spaced amount that looks like a mobile number', '总额 139 1234 5678 元'],
    ['a standard number', '依据GB 11643-1999和GB/T 35273-2020'],
    ['a phrase with the word at', 'look at example.com for details'],
    ['a time with at', 'meet at 5.30 tomorrow'],
    ['an 18-digit number with spaces and no valid checksum', '编号 110105 19491231 0021'],
  ])('leaves %s alone', (_kind, input) => {
    expect(deidentify(input).text).toBe(input);
  });

  it("masks the submitter's own name and contact where the text repeats them", () => {
    const result = deidentify('我是张三丰，住在和平路，电话 0551-1234567，张三丰建议…', {
      name: '张三丰',
      phone: '0551-1234567',
    });
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

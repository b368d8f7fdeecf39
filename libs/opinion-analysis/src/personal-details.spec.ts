import { deidentify } from '../../domain/src';
import { foldPersonalDetails } from './personal-details';

describe('personal details before shingling', () => {
  it('drops a greeting of name, ID number and phone, keeping the letter', () => {
    const raw =
      '尊敬的领导：我是王建国，身份证号11010519491231002X，电话13912345678。我反对提高停车收费标准，请保持现价。';
    const folded = foldPersonalDetails(deidentify(raw, { name: '王建国' }).text);
    expect(folded.replace(/[，。]/g, '')).toBe('我反对提高停车收费标准请保持现价');
  });

  it('drops a self-introduction by a name the record does not have', () => {
    expect(foldPersonalDetails('本人李四，建议保留12路公交车。')).toBe('建议保留12路公交车');
  });

  it('keeps a clause with real content around a mask as one character per mask', () => {
    const folded = foldPersonalDetails(
      '我家在和平路三号楼，楼下商铺每晚噪音扰民，已多次打[电话已隐去]投诉却没有人处理。',
    );
    expect(folded).toContain('已多次打\ue002投诉却没有人处理');
  });

  it('leaves a text without masks or introductions as it is', () => {
    const text = '建议在小区多设几个回收点。';
    expect(foldPersonalDetails(text)).toBe(text);
  });
});

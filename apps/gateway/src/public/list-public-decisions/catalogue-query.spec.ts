import { catalogueHref, readCatalogueQuery } from './catalogue-query';

describe('the catalogue query', () => {
  it('reads the filters and drops what it cannot use instead of failing', () => {
    expect(
      readCatalogueQuery({
        q: ' 停车 ',
        stage: 'consultation',
        unit: 'unit-a',
        category: 'transport',
        year: '2026',
        page: '3',
      }),
    ).toEqual({ q: '停车', stage: 'consultation', unit: 'unit-a', category: 'transport', year: 2026, page: 3 });
    expect(readCatalogueQuery({ stage: 'nope', year: '26.5', page: '0' })).toEqual({
      q: '',
      stage: undefined,
      unit: '',
      category: '',
      year: undefined,
      page: 1,
    });
    expect(readCatalogueQuery({ q: 'x'.repeat(500) }).q).toHaveLength(100);
  });

  it('links another page of the same filters, leaving out empty ones', () => {
    const query = readCatalogueQuery({ q: '停车 收费', stage: 'execution' });
    expect(catalogueHref(query, 2, 'en')).toBe(
      '/decisions?q=%E5%81%9C%E8%BD%A6+%E6%94%B6%E8%B4%B9&stage=execution&page=2&lang=en',
    );
    expect(catalogueHref(readCatalogueQuery({}), 1)).toBe('/decisions');
    expect(catalogueHref(readCatalogueQuery({ category: 'housing' }), 1)).toBe('/decisions?category=housing');
  });
});

import { cardTable } from './card-table';
import { html } from './html';

describe('tables that become cards on a phone', () => {
  it('labels every body and foot cell with its column header and marks the table', () => {
    const table = cardTable(
      html`<div class="table-wrap"><table><caption>里程碑</caption><thead><tr><th scope="col">里程碑</th><th scope="col" class="num">进度</th><th scope="col"><span class="visually-hidden">选择</span></th></tr></thead>
<tbody><tr class="overdue"><th scope="row">调查</th><td class="num">60%</td><td><input type="checkbox"></td></tr></tbody>
<tfoot><tr><th scope="row">合计</th><td class="num">1</td><td></td></tr></tfoot></table></div>`,
    ).value;
    expect(table).toContain('<table class="table--cards"><caption>');
    expect(table).toContain(
      '<tr class="overdue"><th data-label="里程碑" scope="row">调查</th><td data-label="进度" class="num">60%</td><td data-label="选择">',
    );
    expect(table).toContain('<tr><th data-label="里程碑" scope="row">合计</th><td data-label="进度" class="num">1</td>');
    expect(table).toContain('<thead><tr><th scope="col">里程碑</th>');
  });

  it('adds to a class the table has, keeps labels given by hand, and leaves a table without headers alone', () => {
    const wide = cardTable(
      html`<table class="table--wide"><thead><tr><th scope="col">A</th><th scope="col">B</th></tr></thead><tbody><tr><td data-label="own">1</td><td>2</td></tr></tbody></table>`,
    ).value;
    expect(wide).toContain('<table class="table--wide table--cards">');
    expect(wide).toContain('<td data-label="own">1</td><td data-label="B">2</td>');
    const plain = html`<table><tbody><tr><th scope="row">收到</th><td>3</td></tr></tbody></table>`;
    expect(cardTable(plain)).toBe(plain);
  });

  it('takes header words as escaped text, so user text in a header cannot close the attribute', () => {
    const table = cardTable(
      html`<table><thead><tr><th scope="col">${'"><script>'}</th></tr></thead><tbody><tr><td>${'<td>'}</td></tr></tbody></table>`,
    ).value;
    expect(table).toContain('<td data-label="&quot;&gt;&lt;script&gt;">&lt;td&gt;</td>');
  });
});

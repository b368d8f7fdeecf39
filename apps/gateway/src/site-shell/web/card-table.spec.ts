import { cardTables } from './card-table';
import { html } from './html';

const wideTable = html`<table class="table--wide"><thead><tr><th scope="col">A</th><th scope="col">B</th></tr></thead><tbody><tr><td data-label="own">1</td><td>2</td></tr></tbody></table>`;
const countsTable = html`<table><tbody><tr><th scope="row">收到</th><td>3</td></tr></tbody></table>`;

describe('tables that become cards on a phone', () => {
  it('labels every body and foot cell with its column header and marks the table', () => {
    const page = cardTables(
      html`<div class="table-wrap"><table><caption>里程碑</caption><thead><tr><th scope="col">里程碑</th><th scope="col" class="num">进度</th><th scope="col"><span class="visually-hidden">选择</span></th></tr></thead>
<tbody><tr class="overdue"><th scope="row">调查</th><td class="num">60%</td><td><input type="checkbox"></td></tr></tbody>
<tfoot><tr><th scope="row">合计</th><td class="num">1</td><td></td></tr></tfoot></table></div>`,
    ).value;
    expect(page).toContain('<table class="table--cards"><caption>');
    expect(page).toContain(
      '<tr class="overdue"><th data-label="里程碑" scope="row">调查</th><td data-label="进度" class="num">60%</td><td data-label="选择">',
    );
    expect(page).toContain('<tr><th data-label="里程碑" scope="row">合计</th><td data-label="进度" class="num">1</td>');
    expect(page).toContain('<thead><tr><th scope="col">里程碑</th>');
  });

  it('adds to a class the table has and keeps a label given by hand', () => {
    const wide = cardTables(wideTable).value;
    expect(wide).toContain('<table class="table--wide table--cards">');
    expect(wide).toContain('<td data-label="own">1</td><td data-label="B">2</td>');
  });

  it('leaves a table without a header row alone and treats each table of a page on its own', () => {
    expect(cardTables(countsTable)).toBe(countsTable);
    expect(cardTables(html`${countsTable}<p>…</p>${wideTable}`).value).toBe(
      `${countsTable.value}<p>…</p>${cardTables(wideTable).value}`,
    );
  });

  it('takes header words as escaped text, so user text in a header cannot close the attribute', () => {
    const table = cardTables(
      html`<table><thead><tr><th scope="col">${'"><script>'}</th></tr></thead><tbody><tr><td>${'<td>'}</td></tr></tbody></table>`,
    ).value;
    expect(table).toContain('<td data-label="&quot;&gt;&lt;script&gt;">&lt;td&gt;</td>');
  });
});

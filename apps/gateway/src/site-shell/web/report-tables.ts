import {
  type Narrative,
  NARRATIVE_SECTIONS,
  OUTCOMES,
  REMEDY_KINDS,
  type ReportTables,
  TABLE2_CELLS,
  TABLE3_COLUMNS,
  TABLE3_ROWS,
  type Table3Column,
  type Table3Row,
  TABLE4_COLUMNS,
  type Table4Column,
  type RemedyKind,
  type Table2Cell,
  type NarrativeSection,
} from '../../../../../libs/domain/src';
import { html, type Html } from './html';
import type { Locale } from './i18n';

/**
 * The annual disclosure report's sections as HTML (ADR 0119), shared by the public report page and the
 * console: the narrative sections, Table 2 (staff's numbers), Table 3 (from the case logs, with its
 * check-sum) and Table 4 (from the remedy records). Only counts and staff's words: no personal data.
 */
type Words = readonly [zh: string, en: string];
const pick = (words: Words, locale: Locale): string => (locale === 'en' ? words[1] : words[0]);

const SECTION_TITLES: Record<NarrativeSection, Words> = {
  overview: ['一、总体情况', '1. Overview'],
  problems: ['五、存在的主要问题及改进情况', '5. Main problems and improvements'],
  other: ['六、其他需要报告的事项', '6. Other matters'],
};

const TABLE2_WORDS: Record<Table2Cell, Words> = {
  rules_issued: ['规章：本年制发件数', 'Rules: issued this year'],
  rules_repealed: ['规章：本年废止件数', 'Rules: repealed this year'],
  rules_in_force: ['规章：现行有效件数', 'Rules: in force'],
  normative_documents_issued: ['行政规范性文件：本年制发件数', 'Normative documents: issued this year'],
  normative_documents_repealed: ['行政规范性文件：本年废止件数', 'Normative documents: repealed this year'],
  normative_documents_in_force: ['行政规范性文件：现行有效件数', 'Normative documents: in force'],
  licensing_decisions: ['行政许可：本年处理决定数量', 'Licensing: decisions this year'],
  penalty_decisions: ['行政处罚：本年处理决定数量', 'Penalties: decisions this year'],
  enforcement_decisions: ['行政强制：本年处理决定数量', 'Enforcement measures: decisions this year'],
  fees_collected_10k_yuan: [
    '行政事业性收费：本年收费金额（万元）',
    'Administrative fees: collected this year (10,000 yuan)',
  ],
};

export const APPLICANT_COLUMN_WORDS: Record<Table3Column, Words> = {
  natural_person: ['自然人', 'Natural persons'],
  business: ['商业企业', 'Businesses'],
  research: ['科研机构', 'Research institutions'],
  public_welfare: ['社会公益组织', 'Public-interest organisations'],
  legal_services: ['法律服务机构', 'Legal services'],
  other: ['其他', 'Others'],
  total: ['总计', 'Total'],
};

const TABLE3_ROW_WORDS: Partial<Record<Table3Row, Words>> = {
  new: ['一、本年新收政府信息公开申请数量', '1. New requests this year'],
  carried_over: ['二、上年结转政府信息公开申请数量', '2. Carried over from last year'],
  handled_total: ['三、本年度办理结果（七）总计', '3. Handled this year: total'],
  carried_forward: ['四、结转下年度继续办理', '4. Carried forward to next year'],
};

const rowWords = (row: Table3Row): Words => {
  const fixed = TABLE3_ROW_WORDS[row];
  if (fixed) return fixed;
  const outcome = OUTCOMES[row as keyof typeof OUTCOMES];
  return [`三、${outcome.zh}`, `3. ${outcome.en}`];
};

const REMEDY_WORDS: Record<RemedyKind, Words> = {
  reconsideration: ['行政复议', 'Administrative reconsideration'],
  litigation_direct: ['行政诉讼：未经复议直接起诉', 'Litigation without reconsideration'],
  litigation_after_reconsideration: ['行政诉讼：复议后起诉', 'Litigation after reconsideration'],
};
const TABLE4_WORDS: Record<Table4Column, Words> = {
  upheld: ['结果维持', 'Upheld'],
  corrected: ['结果纠正', 'Corrected'],
  other: ['其他结果', 'Other result'],
  pending: ['尚未审结', 'Pending'],
  total: ['总计', 'Total'],
};

const W = {
  table2: ['二、主动公开政府信息情况', '2. Proactive disclosure'] as Words,
  table3: ['三、收到和处理政府信息公开申请情况', '3. Requests received and handled'] as Words,
  table4: ['四、政府信息公开行政复议、行政诉讼情况', '4. Reconsideration and litigation'] as Words,
  item: ['项目', 'Item'] as Words,
  number: ['数量', 'Number'] as Words,
  checksum: [
    '本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和。',
    'Each column balances: item 1 plus item 2 equals item 3 plus item 4.',
  ] as Words,
  source3: ['本表由系统根据办理记录自动生成。', 'Computed by the system from the case records.'] as Words,
  empty: ['（未填写）', '(not written)'] as Words,
};

export function renderNarrativeSection(narrative: Narrative, section: NarrativeSection, locale: Locale): Html {
  const text = narrative[section];
  return html`<section aria-labelledby="ar-${section}"><h2 id="ar-${section}">${pick(SECTION_TITLES[section], locale)}</h2>
${text ? text.split(/\n+/).map((p) => html`<p>${p}</p>`) : html`<p class="muted">${pick(W.empty, locale)}</p>`}</section>`;
}

/** Every section of the report in the template's order: 一, 二 (Table 2), 三 (Table 3), 四 (Table 4), 五, 六. */
export function renderReportBody(tables: ReportTables, narrative: Narrative, locale: Locale): Html {
  const [overview, problems, other] = NARRATIVE_SECTIONS;
  return html`${renderNarrativeSection(narrative, overview, locale)}
${renderTable2(tables, locale)}
${renderTable3(tables, locale)}
${renderTable4(tables, locale)}
${renderNarrativeSection(narrative, problems, locale)}
${renderNarrativeSection(narrative, other, locale)}`;
}

function renderTable2(tables: ReportTables, locale: Locale): Html {
  return html`<section aria-labelledby="ar-table2"><h2 id="ar-table2">${pick(W.table2, locale)}</h2>
<div class="table-wrap"><table id="table2"><thead><tr><th scope="col">${pick(W.item, locale)}</th><th scope="col">${pick(W.number, locale)}</th></tr></thead>
<tbody>${TABLE2_CELLS.map(
    (cell) =>
      html`<tr><th scope="row">${pick(TABLE2_WORDS[cell], locale)}</th><td>${String(tables.table2[cell])}</td></tr>`,
  )}</tbody></table></div></section>`;
}

function renderTable3(tables: ReportTables, locale: Locale): Html {
  const t = tables.table3;
  return html`<section aria-labelledby="ar-table3"><h2 id="ar-table3">${pick(W.table3, locale)}</h2>
<p class="muted">${pick(W.source3, locale)}</p>
<div class="table-wrap"><table id="table3"><thead><tr><th scope="col">${pick(W.item, locale)}</th>${TABLE3_COLUMNS.map(
    (column) => html`<th scope="col">${pick(APPLICANT_COLUMN_WORDS[column], locale)}</th>`,
  )}</tr></thead>
<tbody>${TABLE3_ROWS.map(
    (row) =>
      html`<tr data-row="${row}"><th scope="row">${pick(rowWords(row), locale)}</th>${TABLE3_COLUMNS.map(
        (column) => html`<td data-column="${column}">${String(t[row][column])}</td>`,
      )}</tr>`,
  )}</tbody></table></div>
<p>${pick(W.checksum, locale)}</p></section>`;
}

function renderTable4(tables: ReportTables, locale: Locale): Html {
  return html`<section aria-labelledby="ar-table4"><h2 id="ar-table4">${pick(W.table4, locale)}</h2>
<div class="table-wrap"><table id="table4"><thead><tr><th scope="col">${pick(W.item, locale)}</th>${TABLE4_COLUMNS.map(
    (column) => html`<th scope="col">${pick(TABLE4_WORDS[column], locale)}</th>`,
  )}</tr></thead>
<tbody>${REMEDY_KINDS.map(
    (kind) =>
      html`<tr><th scope="row">${pick(REMEDY_WORDS[kind], locale)}</th>${TABLE4_COLUMNS.map(
        (column) => html`<td>${String(tables.table4[kind][column])}</td>`,
      )}</tr>`,
  )}</tbody></table></div></section>`;
}

export const REPORT_WORDS = {
  table2: TABLE2_WORDS,
  remedy: REMEDY_WORDS,
  remedyResult: TABLE4_WORDS,
  section: SECTION_TITLES,
  pick,
};

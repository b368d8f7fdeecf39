import { Html } from './html';

const TABLE = /<table\b[\s\S]*?<\/table>/g;
const HEADER_ROW = /<thead\b[^>]*>([\s\S]*?)<\/thead>/;
const HEADER_CELL = /<th\b[^>]*>([\s\S]*?)<\/th>/g;
const ROW = /<tr\b[^>]*>[\s\S]*?<\/tr>/g;
const CELL_START = /<(?:td|th)\b[^>]*>/g;

/** A header cell's words as attribute text: tags dropped, already escaped by `html`, spaces folded. */
function labelOf(cell: string): string {
  return cell
    .replace(/<[^>]*>/g, '')
    .replace(/\s+/g, ' ')
    .trim();
}

/** One `<table>…</table>`: labelled and marked when it has a header row, else as it is. */
function cardTable(table: string): string {
  const head = HEADER_ROW.exec(table);
  if (!head) return table;
  const labels = [...head[1]!.matchAll(HEADER_CELL)].map((cell) => labelOf(cell[1]!));
  const bodyStart = head.index + head[0].length;
  const body = table.slice(bodyStart).replace(ROW, (row) => {
    let column = 0;
    return row.replace(CELL_START, (start) => {
      const label = labels[column++];
      if (!label || /\bdata-label=/.test(start)) return start;
      return `${start.slice(0, 3)} data-label="${label}"${start.slice(3)}`;
    });
  });
  const top = table
    .slice(0, bodyStart)
    .replace(/^<table\b([^>]*?)\bclass="([^"]*)"/, '<table$1class="$2 table--cards"')
    .replace(/^<table\b(?![^>]*\bclass=)/, '<table class="table--cards"');
  return top + body;
}

/**
 * Every table of a page that has a header row turns into a stack of cards on a phone (ADR 106): the table
 * gets the class `table--cards` and every cell of its body and foot rows a `data-label` with its column's
 * header, which `site.css` shows before the cell's content under the phone breakpoint (the header row is
 * then hidden visually; screen readers keep the table and its headers). `renderPage` applies it to every
 * page's main content, so no template writes a label by hand or forgets a new column.
 *
 * Contract: `markup` is built with `html`, so every `<table`, `<tr`, `<td` and `<th` in it is a template's
 * markup (user text is escaped). Tables are not nested; the column headers are the `<th>` of a table's
 * `<thead>`, one per column (no `colspan`). A table without a `<thead>` stays as it is, and a cell that
 * already has a `data-label` keeps it.
 */
export function cardTables(markup: Html): Html {
  return markup.value.includes('<thead') ? new Html(markup.value.replace(TABLE, cardTable)) : markup;
}

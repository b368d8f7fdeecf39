import { Html } from './html';

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

/**
 * A table that turns into a stack of cards on a phone (ADR 106): the table gets the class `table--cards`
 * and every cell of its body and foot rows a `data-label` with its column's header, which `site.css`
 * shows above the cell's content under the phone breakpoint (the header row is then hidden visually, and
 * screen readers keep the table's own headers).
 *
 * Contract: `table` is one `<table>` built with `html`, so every `<tr`, `<td` and `<th` in it is the
 * template's markup (user text is escaped); the column headers are the `<th>` of its `<thead>`, one per
 * column (no `colspan`). A table without a `<thead>` is returned as it is. A cell that already has a
 * `data-label` keeps it.
 */
export function cardTable(table: Html): Html {
  const markup = table.value;
  const head = HEADER_ROW.exec(markup);
  if (!head) return table;
  const labels = [...head[1]!.matchAll(HEADER_CELL)].map((cell) => labelOf(cell[1]!));
  const bodyStart = head.index + head[0].length;
  const body = markup.slice(bodyStart).replace(ROW, (row) => {
    let column = 0;
    return row.replace(CELL_START, (start) => {
      const label = labels[column++];
      if (!label || /\bdata-label=/.test(start)) return start;
      return `${start.slice(0, 3)} data-label="${label}"${start.slice(3)}`;
    });
  });
  const top = markup
    .slice(0, bodyStart)
    .replace(/<table\b([^>]*?)\bclass="([^"]*)"/, '<table$1class="$2 table--cards"')
    .replace(/<table\b(?![^>]*\bclass=)/, '<table class="table--cards"');
  return new Html(top + body);
}

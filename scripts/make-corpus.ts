// Rebuilds the corpus of published 自评表 (scripts/corpus-tables.ts) as test/fixtures/corpus-*.xlsx, each with its
// .expected.json: the source address, the layout it exercises and the findings checked by hand.
// Run: node --import tsx scripts/make-corpus.ts
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { parseA1, parseRange, type GridCell, type WorkbookGrid } from '../src/index';
import { writeGrid } from '../test/support/workbook';
import { corpus, type Cell, type CorpusTable } from './corpus-tables';

const DIR = 'test/fixtures';

const gridCell = (cell: Cell): GridCell => (typeof cell === 'object' ? { value: cell.v, numFmt: cell.fmt } : { value: cell });

function grid(table: CorpusTable): WorkbookGrid {
  const cells: (GridCell | undefined)[][] = [];
  for (const [row, byColumn] of Object.entries(table.rows)) {
    for (const [column, cell] of Object.entries(byColumn)) {
      const at = parseA1(`${column}${row}`);
      (cells[at.row] ??= [])[at.col] = gridCell(cell);
    }
  }
  return { sheets: [{ name: table.sheet, cells: Array.from(cells, (r) => r ?? []), merges: table.merges.map(parseRange) }] };
}

for (const table of corpus) {
  await writeGrid(grid(table), join(DIR, `${table.file}.xlsx`));
  const expected = {
    file: `${table.file}.xlsx`,
    province: table.province,
    source: table.sources,
    title: table.title,
    layout: table.layout,
    note: table.note,
    ...(table.partial ? { partial: table.partial } : {}),
    exact: true,
    findings: table.findings.map((f) => ({
      code: f.code,
      sheet: table.sheet,
      cell: f.cell,
      note: f.note,
      ...(f.severity ? { severity: f.severity } : {}),
    })),
  };
  await writeFile(join(DIR, `${table.file}.expected.json`), JSON.stringify(expected, null, 2) + '\n');
}
console.log(`${corpus.length} corpus fixtures written to ${DIR}`);

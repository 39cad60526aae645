import { describe, it, beforeAll } from 'vitest';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { checkWorkbook, type WorkbookGrid } from '../../src/index';
import { CHUNK_CELLS, ExcelHost } from '../../hosts/excel/excel-host';
import { WpsHost } from '../../hosts/wps/wps-host';
import { etApplication, memoryStore } from '../support/et-mock';
import { ALL_CAPABILITIES, installExcel, mockSheet, mockWorkbook, type MockWorkbook } from '../support/excel-mock';
import { loadGrid } from '../support/workbook';

const ROWS = 20_000;
const COLS = 10;

/** The 东川 report plus a 明细 sheet of 20,000 × 10 = 200,000 cells: amounts in two formats, a merged title, three merged blocks. */
async function largeWorkbook(): Promise<MockWorkbook> {
  const book = mockWorkbook(await loadGrid(join('test/fixtures', 'kunming-dongchuan-2020.xlsx')));
  const sheet = mockSheet('明细', new Map(), ['A1:J1', 'A5001:A5003', 'B9000:C9001', 'J19999:J20000']);
  const columns = 'ABCDEFGHIJ';
  for (let r = 1; r <= ROWS; r++) {
    for (let c = 0; c < COLS; c++) {
      const value = r === 1 ? (c === 0 ? '支出明细' : '') : c === 0 ? `凭证${r}` : r * 10 + c;
      if (value !== '') sheet.cells.set(`${columns[c]}${r}`, { value, ...(c >= 8 && r > 1 ? { numFmt: '#,##0.00' } : {}) });
    }
  }
  book.sheets.push(sheet);
  return book;
}

/** What both hosts must read of the 明细 sheet. */
function assertDetail(grid: WorkbookGrid): void {
  const detail = grid.sheets[1];
  assert.equal(detail.cells.length, ROWS);
  assert.equal(detail.cells[19_999][0]?.value, '凭证20000');
  assert.equal(detail.cells[9_999][9]?.value, 100_009);
  assert.equal(detail.cells[9_999][9]?.numFmt, '#,##0.00');
  assert.equal(detail.cells[9_999][7]?.numFmt, undefined);
  assert.deepEqual(
    detail.merges.map((m) => [m.top, m.left, m.bottom, m.right]).sort((a, b) => a[0] - b[0]),
    [
      [0, 0, 0, 9],
      [5000, 0, 5002, 0],
      [8999, 1, 9000, 2],
      [19998, 9, 19999, 9],
    ],
  );
}

describe('a 200,000-cell workbook', () => {
  let book: MockWorkbook;
  beforeAll(async () => {
    book = await largeWorkbook();
  });

  it('Excel: no request asks for more than 20,000 cells, all sheets together; 13 requests in all', async () => {
    installExcel(book);
    book.cellsPerSync = [];
    const host = new ExcelHost(ALL_CAPABILITIES);
    const grid = await host.readWorkbook();
    assertDetail(grid);
    const reads = book.cellsPerSync.filter((n) => n > 0);
    assert.ok(Math.max(...book.cellsPerSync) <= CHUNK_CELLS, `largest request ${Math.max(...book.cellsPerSync)} cells`);
    const total = reads.reduce((a, n) => a + n, 0);
    assert.equal(reads.length, Math.ceil(total / CHUNK_CELLS), `${reads.length} requests for ${total} cells`);
    console.log(`Excel: ${host.syncs} context.sync() calls, cells per request ${reads.join(', ')}`);
    assert.equal(host.syncs, 2 + reads.length);
    assert.equal(host.syncs, 13);
    assert.deepEqual(
      checkWorkbook(grid).findings.map((f) => f.cell),
      ['A31', 'B37'],
    );
  });

  it('WPS: whole ranges through Value2 and Formula, formats and merges by blocks — under 1,200 calls (0.6% of the cells), not two per cell', async () => {
    book.hostCalls = 0;
    const grid = await new WpsHost(etApplication(book), memoryStore()).readWorkbook();
    assertDetail(grid);
    console.log(`WPS: ${book.hostCalls} calls into the ET object model for ${ROWS * COLS} cells of 明细 and the report`);
    assert.ok(book.hostCalls < 1_200, `${book.hostCalls} calls into WPS for 200,000 cells`);
    assert.deepEqual(
      checkWorkbook(grid).findings.map((f) => f.cell),
      ['A31', 'B37'],
    );
  });
});

import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'vitest';
import ExcelJS from 'exceljs';
import { annotateXlsx } from '../../hosts/files/annotate';
import { readWorkbookBytes } from '../../hosts/files/read';
import { checkWorkbook } from '../../src/index';
import { assertBeitaMarked } from '../support/workbook';

const SOFFICE = '/usr/bin/soffice';

/**
 * The annotated copy opened by a real spreadsheet program: LibreOffice reads the patched package and saves it again;
 * what it kept — fills from styles.xml, notes from the comments parts, the added sheet — is what it understood.
 */
describe('annotated copies in LibreOffice', () => {
  it('LibreOffice reads the fills, the notes and the 检查结果 sheet of a patched package', async () => {
    assert.ok(existsSync(SOFFICE), `${SOFFICE} is missing: apt-get install -y libreoffice-calc-nogui`);
    const dir = mkdtempSync(join(tmpdir(), 'perf-lo-'));
    const source = readFileSync('test/fixtures/national-beita-2023.xlsx');
    const findings = checkWorkbook(await readWorkbookBytes(source)).findings;
    writeFileSync(join(dir, 'annotated.xlsx'), annotateXlsx(source, findings));
    const out = join(dir, 'saved');
    const run = spawnSync(
      SOFFICE,
      ['--headless', `-env:UserInstallation=file://${dir}/profile`, '--convert-to', 'xlsx', '--outdir', out, join(dir, 'annotated.xlsx')],
      {
        encoding: 'utf8',
        timeout: 120_000,
      },
    );
    assert.equal(run.status, 0, run.stderr);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(join(out, 'annotated.xlsx'));
    assertBeitaMarked(wb);
    assert.equal(wb.getWorksheet('检查结果')!.getCell('E2').text, '自评表!B9');
  });
});

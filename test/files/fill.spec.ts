import { describe, it, beforeAll } from 'vitest';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import { XMLValidator } from 'fast-xml-parser';
import { AnnotateError, fillXlsx, readWorkbookBytes } from '../../hosts/files/index';
import { createChecker, fillTargets, type ProposedScore } from '../../src/index';
import { getCell } from '../support/workbook';

/** The filled copy: computed scores and reasons written into the package, nothing else disturbed. */
describe('fillXlsx', () => {
  const original = readFileSync('test/fixtures/hunan-staff-over-quota.xlsx');
  const checker = createChecker();
  let proposals: ProposedScore[];
  let filled: Uint8Array;

  beforeAll(async () => {
    proposals = checker.propose(await readWorkbookBytes(original));
    filled = fillXlsx(original, fillTargets(proposals));
  });

  it('writes the computed 自评得分 and 扣分原因, after which the rule agrees with the score', async () => {
    const staff = proposals.find((p) => p.scoreCell === 'F3')!;
    assert.deepEqual([staff.score, staff.reasonCell], ['0', 'G3']);
    const grid = await readWorkbookBytes(filled);
    assert.equal(getCell(grid, '评分表', 'F3')?.value, 0);
    assert.equal(getCell(grid, '评分表', 'G3')?.value, staff.reason);
    assert.match(staff.reason, /^在职人员控制率110%/);
    const codes = checker.check(grid).findings.map((f) => f.code);
    assert.ok(!codes.includes('RULE_SCORE_DIFFERS'), codes.join());
  });

  it('changes only the filled sheet and workbook.xml, which asks for a recalculation on opening', () => {
    const before = unzipSync(original);
    const after = unzipSync(filled);
    assert.deepEqual(Object.keys(after).sort(), Object.keys(before).sort());
    const changed = Object.keys(before).filter((p) => !Buffer.from(before[p]).equals(Buffer.from(after[p])));
    assert.deepEqual(changed.sort(), ['xl/workbook.xml', 'xl/worksheets/sheet2.xml']);
    for (const part of changed) assert.equal(XMLValidator.validate(strFromU8(after[part])), true, part);
    assert.match(strFromU8(after['xl/workbook.xml']), /<calcPr fullCalcOnLoad="1" calcId="\d+"\/>/);
    assert.match(
      strFromU8(after['xl/worksheets/sheet2.xml']),
      /<c r="F3"><v>0<\/v><\/c><c r="G3" s="0" t="inlineStr"><is><t xml:space="preserve">在职人员控制率110%/,
    );
  });

  /** The fixture with its F3 computed by a formula (shared or not) listed in a calculation chain. */
  function withFormula(f: string): Uint8Array {
    const parts = unzipSync(original);
    const edit = (path: string, from: string | RegExp, to: string) => (parts[path] = strToU8(strFromU8(parts[path]).replace(from, to)));
    edit('xl/worksheets/sheet2.xml', '<c r="F3"><v>5</v></c>', `<c r="F3">${f}<v>5</v></c>`);
    parts['xl/calcChain.xml'] = strToU8(
      '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<calcChain xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><c r="F3" i="2"/><c r="F30"/></calcChain>',
    );
    edit(
      'xl/_rels/workbook.xml.rels',
      '</Relationships>',
      '<Relationship Id="rId99" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/calcChain" Target="calcChain.xml"/></Relationships>',
    );
    edit(
      '[Content_Types].xml',
      '</Types>',
      '<Override PartName="/xl/calcChain.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.calcChain+xml"/></Types>',
    );
    return zipSync(parts);
  }

  it('a formula replaced by a value takes the calculation chain with it', () => {
    const after = unzipSync(fillXlsx(withFormula('<f>10-5</f>'), fillTargets(proposals)));
    assert.equal(after['xl/calcChain.xml'], undefined);
    assert.doesNotMatch(strFromU8(after['xl/_rels/workbook.xml.rels']), /calcChain/);
    assert.doesNotMatch(strFromU8(after['[Content_Types].xml']), /calcChain/);
    assert.match(strFromU8(after['xl/worksheets/sheet2.xml']), /<c r="F3"><v>0<\/v><\/c>/);
  });

  it('refuses, in Chinese, to replace the first cell of a shared formula', () => {
    assert.throws(
      () => fillXlsx(withFormula('<f t="shared" ref="F3:F5" si="0">10-5</f>'), fillTargets(proposals)),
      (e) => e instanceof AnnotateError && /F3 中的公式被其他单元格共用/.test(e.message),
    );
  });
});

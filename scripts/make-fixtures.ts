// Regenerates the project's own fixtures in test/fixtures/ from the three shared ones: each injects one kind of
// error into a clean workbook, or moves, renames or reshapes the tables. Run: node --import tsx scripts/make-fixtures.ts
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { WorkbookGrid } from '../src/index';
import { deleteRows, loadGrid, renameSheet, setCell, shift, unmergeColumn, writeGrid } from '../test/support/workbook';

const DIR = 'test/fixtures';

interface Expected {
  code: string;
  sheet: string;
  cell: string;
  note: string;
}

interface Variant {
  file: string;
  from: 'hunan-junshan-2020' | 'national-beita-2023' | 'kunming-dongchuan-2020';
  note: string;
  edit: (grid: WorkbookGrid) => void;
  /** Every finding of severity error (and the other findings listed); the test holds the checker to exactly these errors. */
  findings: Expected[];
}

const H = '评分表';
const F = '自评表';

/** The national fixture with its own three errors mended: a clean national workbook. */
function mendNational(g: WorkbookGrid): void {
  setCell(g, F, 'G12', 20);
  setCell(g, F, 'H12', 20);
  setCell(g, F, 'G16', 10);
  setCell(g, F, 'H16', 10);
  setCell(g, F, 'H18', 90);
  setCell(g, '基础数据表', 'B7', 0);
}

/** The Kunming fixture with C2 declared as the 21 points its children carry: a clean Kunming workbook. */
function mendKunming(g: WorkbookGrid): void {
  setCell(g, '评分情况', 'B37', 'C2部门效果(21分)');
}

const variants: Variant[] = [
  {
    file: 'hunan-shifted-renamed',
    from: 'hunan-junshan-2020',
    note: 'clean 君山 workbook, both tables moved 3 rows down and 2 columns right, sheets renamed 附件2/附件3',
    edit: (g) => {
      shift(g, F, 3, 2);
      shift(g, H, 3, 2);
      renameSheet(g, F, '附件2 部门整体支出绩效自评表');
      renameSheet(g, H, '附件3 评分表');
    },
    findings: [],
  },
  {
    file: 'hunan-no-continuation',
    from: 'hunan-junshan-2020',
    note: 'clean 君山 评分表 without the page-break title and repeated header (rows 16-17 deleted)',
    edit: (g) => deleteRows(g, H, 15, 2),
    findings: [],
  },
  {
    file: 'hunan-weight-mismatch',
    from: 'hunan-junshan-2020',
    note: '财政供养人员控制率 分值 5 → 6: 预算配置（15分） now carries 16; its score 5 < 6 has no reason',
    edit: (g) => setCell(g, H, 'E3', 6),
    findings: [
      { code: 'WEIGHT_MISMATCH', sheet: H, cell: 'B3', note: '预算配置 declared 15, children 6+5+5=16' },
      { code: 'MISSING_REASON', sheet: H, cell: 'G3', note: 'score 5 of 6, no reason' },
    ],
  },
  {
    file: 'hunan-total-weight',
    from: 'hunan-junshan-2020',
    note: '总分 分值 100 → 99',
    edit: (g) => setCell(g, H, 'E30', 99),
    findings: [{ code: 'WEIGHT_MISMATCH', sheet: H, cell: 'E30', note: '99 vs 15+40+25+20' }],
  },
  {
    file: 'hunan-score-over',
    from: 'hunan-junshan-2020',
    note: '重点支出安排率 scored 6 of 5; 总分 98 no longer the sum (99)',
    edit: (g) => setCell(g, H, 'F5', 6),
    findings: [
      { code: 'SCORE_OUT_OF_RANGE', sheet: H, cell: 'F5', note: '6 > 5' },
      { code: 'SCORE_TOTAL_MISMATCH', sheet: H, cell: 'F30', note: '98 vs 99' },
    ],
  },
  {
    file: 'hunan-score-not-number',
    from: 'hunan-junshan-2020',
    note: '政府采购执行率 score written as 满分',
    edit: (g) => setCell(g, H, 'F13', '满分'),
    findings: [{ code: 'SCORE_OUT_OF_RANGE', sheet: H, cell: 'F13', note: 'not a number' }],
  },
  {
    file: 'hunan-missing-reason',
    from: 'hunan-junshan-2020',
    note: '预算调整率 2 of 3 with its 扣分原因 cleared',
    edit: (g) => setCell(g, H, 'G6', null),
    findings: [{ code: 'MISSING_REASON', sheet: H, cell: 'G6', note: '2 < 3, reason empty' }],
  },
  {
    file: 'hunan-summary-grade',
    from: 'hunan-junshan-2020',
    note: '自评表 says 95 and 良 while the 评分表 totals 98',
    edit: (g) => {
      setCell(g, F, 'C33', 95);
      setCell(g, F, 'C34', '良');
    },
    findings: [
      { code: 'SUMMARY_MISMATCH', sheet: F, cell: 'C33', note: '95 vs 98' },
      { code: 'GRADE_MISMATCH', sheet: F, cell: 'C34', note: '95 is 优, not 良' },
    ],
  },
  {
    file: 'hunan-grade-empty',
    from: 'hunan-junshan-2020',
    note: '评价等次 left empty',
    edit: (g) => setCell(g, F, 'C34', null),
    findings: [{ code: 'GRADE_MISMATCH', sheet: F, cell: 'C34', note: 'empty grade' }],
  },
  {
    file: 'hunan-sum-mismatch',
    from: 'hunan-junshan-2020',
    note: '汇总 基本支出 701 → 710 (≠ 人员+公用, 支出合计 ≠ 基本+项目, 汇总 ≠ 机关); 汇总 三公经费合计 23.48 → 25',
    edit: (g) => {
      setCell(g, F, 'C16', 710);
      setCell(g, F, 'B22', 25);
    },
    findings: [
      { code: 'SUM_MISMATCH', sheet: F, cell: 'B16', note: '1166.19 vs 710+465.19' },
      { code: 'SUM_MISMATCH', sheet: F, cell: 'C16', note: '710 vs 436.15+264.85, and vs 机关 701' },
      { code: 'SUM_MISMATCH', sheet: F, cell: 'B22', note: '25 vs 23.48+0+0+0' },
    ],
  },
  {
    file: 'hunan-income-mismatch',
    from: 'hunan-junshan-2020',
    note: '机关 收入: 其他收入 10 added without changing 收入合计; fixed assets 其他 5 added likewise',
    edit: (g) => {
      setCell(g, F, 'G9', 10);
      setCell(g, F, 'E29', 5);
    },
    findings: [
      { code: 'SUM_MISMATCH', sheet: F, cell: 'B9', note: '1166.19 vs 0+1166.19+10' },
      { code: 'SUM_MISMATCH', sheet: F, cell: 'G8', note: '汇总 其他收入 empty vs 机关 10' },
      { code: 'SUM_MISMATCH', sheet: F, cell: 'B29', note: '195.77 vs 195.77+5 (其他 is a part)' },
      { code: 'SUM_MISMATCH', sheet: F, cell: 'E28', note: '汇总 其他 empty vs 机关 5' },
    ],
  },
  {
    file: 'hunan-text-numbers',
    from: 'hunan-junshan-2020',
    note: 'numbers typed as text: 1,166.19 / 1166.19万元 / full-width ５ / 5分 / 195.77 — read as numbers, info only',
    edit: (g) => {
      setCell(g, F, 'B8', '1,166.19');
      setCell(g, F, 'B16', '1166.19万元');
      setCell(g, H, 'E3', '５');
      setCell(g, H, 'F3', '5分');
      setCell(g, F, 'C28', '195.77');
    },
    findings: [
      { code: 'TEXT_NUMBER', sheet: F, cell: 'B8', note: '1,166.19' },
      { code: 'TEXT_NUMBER', sheet: F, cell: 'B16', note: '1166.19万元' },
      { code: 'TEXT_NUMBER', sheet: H, cell: 'E3', note: 'full-width 5' },
      { code: 'TEXT_NUMBER', sheet: H, cell: 'F3', note: '5分' },
      { code: 'TEXT_NUMBER', sheet: F, cell: 'C28', note: '195.77' },
    ],
  },
  {
    file: 'hunan-formula-no-value',
    from: 'hunan-junshan-2020',
    note: '总分 written as =SUM(F3:F29) by a program, never calculated',
    edit: (g) => setCell(g, H, 'F30', { value: null, formula: 'SUM(F3:F29)', noCachedValue: true }),
    findings: [
      { code: 'FORMULA_NO_VALUE', sheet: H, cell: 'F30', note: 'formula without cached value' },
      { code: 'MISSING_SCORE', sheet: H, cell: 'F30', note: 'total therefore unknown' },
    ],
  },
  {
    file: 'hunan-formula-floats',
    from: 'hunan-junshan-2020',
    note: 'clean: 总分 as a formula whose cached double is 98.00000000000001, 收入合计 as 0.1+0.2-style noise',
    edit: (g) => {
      setCell(g, H, 'F30', { value: 98.00000000000001, formula: 'SUM(F3:F29)' });
      setCell(g, F, 'B9', { value: 1166.1900000000001, formula: 'SUM(C9:G9)' });
    },
    findings: [],
  },
  {
    file: 'hunan-staff-over-quota',
    from: 'hunan-junshan-2020',
    note: '实有人数 33 against 人员编制 30 (控制率 110%): the rule gives 0, the 评分表 still says 5',
    edit: (g) => setCell(g, F, 'E3', 33),
    findings: [{ code: 'RULE_SCORE_DIFFERS', sheet: H, cell: 'F3', note: '110% → 5 − 10×0.5 = 0, entered 5' }],
  },
  {
    file: 'hunan-staff-over-scored',
    from: 'hunan-junshan-2020',
    note: 'clean: 实有人数 33 against 编制 30, scored 0 with its reason, totals and form updated to 93',
    edit: (g) => {
      setCell(g, F, 'E3', 33);
      setCell(g, H, 'F3', 0);
      setCell(g, H, 'G3', '在职人员控制率110%，超过100%共10个百分点，扣5分');
      setCell(g, H, 'F30', 93);
      setCell(g, F, 'C33', 93);
    },
    findings: [],
  },
  {
    file: 'hunan-idle-assets',
    from: 'hunan-junshan-2020',
    note: '20 of the 195.77 fixed assets rented out (利用率 89.79%): the rule gives 1.98 (or 2 / 1.9 in whole points), the 评分表 says 3',
    edit: (g) => {
      for (const row of [28, 29]) {
        setCell(g, F, `C${row}`, 175.77);
        setCell(g, F, `D${row}`, 20);
      }
    },
    findings: [{ code: 'RULE_SCORE_DIFFERS', sheet: H, cell: 'F19', note: '89.79% → 3 − 10.21×0.1, entered 3' }],
  },
  {
    file: 'hunan-balance-over',
    from: 'hunan-junshan-2020',
    note: '当年结余 and 累计结余 10 with 上年结转 0: 结余超过上年结转 gives 0, the 评分表 says 3',
    edit: (g) => {
      for (const cell of ['G16', 'G17', 'H16', 'H17']) setCell(g, F, cell, 10);
    },
    findings: [{ code: 'RULE_SCORE_DIFFERS', sheet: H, cell: 'F8', note: 'balance 10 > carry-over 0 → 0, entered 3' }],
  },
  {
    file: 'national-clean-shifted',
    from: 'national-beita-2023',
    note: 'national workbook with its errors mended, tables moved and sheets renamed; 满意度 stays empty (a warning)',
    edit: (g) => {
      mendNational(g);
      shift(g, F, 2, 1);
      shift(g, '基础数据表', 4, 0);
      renameSheet(g, F, '整体支出绩效自评表(2023)');
      renameSheet(g, '基础数据表', '表2');
    },
    findings: [{ code: 'EMPTY_INDICATOR', sheet: '整体支出绩效自评表(2023)', cell: 'C19', note: '满意度指标（10分） with nothing under it' }],
  },
  {
    file: 'national-parts-exceed',
    from: 'national-beita-2023',
    note: 'mended national workbook; 2022 办公经费 119.9 makes the 公用经费 其中 list exceed its total 117.65',
    edit: (g) => {
      mendNational(g);
      setCell(g, '基础数据表', 'B17', 119.9);
    },
    findings: [
      { code: 'SUM_MISMATCH', sheet: '基础数据表', cell: 'B16', note: '117.65 < 119.9+0.3+10.74' },
      { code: 'EMPTY_INDICATOR', sheet: F, cell: 'B17', note: '满意度 empty' },
    ],
  },
  {
    file: 'national-budget-row',
    from: 'national-beita-2023',
    note: 'mended national workbook with 年度资金总额 得分 9: the 总分 90 no longer adds up (89)',
    edit: (g) => {
      mendNational(g);
      setCell(g, F, 'H4', 9);
    },
    findings: [
      { code: 'RULE_SCORE_DIFFERS', sheet: F, cell: 'H4', note: '执行率 594.67/594.67 = 100% × 10 = 10, entered 9' },
      { code: 'SCORE_TOTAL_MISMATCH', sheet: F, cell: 'H18', note: '90 vs 9+20+10+20+20+10' },
      { code: 'EMPTY_INDICATOR', sheet: F, cell: 'B17', note: '满意度 empty' },
    ],
  },
  {
    file: 'kunming-clean-shifted',
    from: 'kunming-dongchuan-2020',
    note: 'Kunming workbook with C2 mended to 21 points, moved to B3 on a sheet named Sheet1',
    edit: (g) => {
      mendKunming(g);
      shift(g, '评分情况', 1, 1);
      renameSheet(g, '评分情况', 'Sheet1');
    },
    findings: [],
  },
  {
    file: 'kunming-unmerged',
    from: 'kunming-dongchuan-2020',
    note: 'Kunming workbook with 一级/二级指标 unmerged (label in the first row only): same two errors',
    edit: (g) => {
      unmergeColumn(g, '评分情况', 0);
      unmergeColumn(g, '评分情况', 1);
    },
    findings: [
      { code: 'WEIGHT_MISMATCH', sheet: '评分情况', cell: 'A31', note: 'declared 45, children 18+22+6=46' },
      { code: 'WEIGHT_MISMATCH', sheet: '评分情况', cell: 'B37', note: 'declared 22, children 8+4+5+4=21' },
    ],
  },
  {
    file: 'kunming-missing-score',
    from: 'kunming-dongchuan-2020',
    note: 'mended Kunming workbook; A11 score left empty and 合计 still 98 (sum 96)',
    edit: (g) => {
      mendKunming(g);
      setCell(g, '评分情况', 'D3', null);
    },
    findings: [
      { code: 'MISSING_SCORE', sheet: '评分情况', cell: 'D3', note: 'A11 (2分) has no score' },
      { code: 'SCORE_TOTAL_MISMATCH', sheet: '评分情况', cell: 'D44', note: '98 vs 96' },
    ],
  },
];

for (const v of variants) {
  const grid = await loadGrid(join(DIR, `${v.from}.xlsx`));
  v.edit(grid);
  await writeGrid(grid, join(DIR, `${v.file}.xlsx`));
  const expected = { file: `${v.file}.xlsx`, note: v.note, exact: true, findings: v.findings };
  await writeFile(join(DIR, `${v.file}.expected.json`), JSON.stringify(expected, null, 2) + '\n');
}
console.log(`${variants.length} fixtures written to ${DIR}`);

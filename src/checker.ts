import { CellReader } from './cells';
import { checkSummaryAndGrade, type ScoreTotal } from './checks/form';
import { checkRuleScores } from './checks/rules';
import { checkScoreTable } from './checks/score-table';
import { checkIdentity } from './checks/sums';
import { detectBaseData } from './detect/base-data';
import type { SumIdentity } from './detect/identity';
import { detectScoreTables, type ScoreTable } from './detect/score-table';
import { detectUnitTables } from './detect/unit-table';
import { evaluateTable, type Evaluation } from './evaluate';
import { describeWorkbook } from './describe';
import { collectFacts } from './facts';
import { finding, sortFindings, type Finding } from './findings';
import { Sheet, toA1, type WorkbookGrid } from './grid';
import { messages } from './messages';
import { proposal, type ProposedScore } from './propose';
import { createRuleEngine, type RuleEngine, type RuleEngineOptions } from './rules/engine';

/** What was recognised where, for reports and hosts that outline the tables. */
export interface DetectedTable {
  sheet: string;
  kind: 'score-table' | 'money-table';
  /** A1 range of the rows it covers. */
  range: string;
}

export interface CheckResult {
  findings: Finding[];
  tables: DetectedTable[];
  /** The 评分表's 总分 (as entered, else computed), as a decimal string. */
  totalScore?: string;
  /** The 总分 as entered and as the indicator scores add up, for reviewers' summaries. */
  totals?: { entered?: string; computed?: string };
  /** Who and which year, as the workbook says (预算单位名称, 填报单位, a title). */
  department?: string;
  year?: number;
}

interface Analysis {
  sheets: Sheet[];
  reader: CellReader;
  scoreTables: { table: ScoreTable; evaluations: Evaluation[] }[];
  moneyTables: { sheet: Sheet; identities: SumIdentity[] }[];
}

/** Detection and rule evaluation, shared by the check and by the proposed scores. */
function analyse(workbook: WorkbookGrid, engine: RuleEngine): Analysis {
  const sheets = workbook.sheets.map((g) => new Sheet(g));
  const reader = new CellReader();
  const facts = collectFacts(sheets, reader);
  const scoreTables = sheets.flatMap((sheet) =>
    detectScoreTables(sheet).map((table) => ({ table, evaluations: evaluateTable(table, facts, engine, reader) })),
  );
  const moneyTables = sheets
    .map((sheet) => ({ sheet, identities: [...detectUnitTables(sheet), ...detectBaseData(sheet)] }))
    .filter((m) => m.identities.length > 0);
  return { sheets, reader, scoreTables, moneyTables };
}

function tableRange(table: ScoreTable): string {
  const lastCol = Math.max(...Object.values(table.columns).filter((c): c is number => c !== undefined));
  return `${toA1(table.headerRow, 0)}:${toA1(table.lastRow, lastCol)}`;
}

function identitiesRange(identities: SumIdentity[]): string {
  let top = Infinity;
  let bottom = 0;
  for (const id of identities) {
    for (const row of [id.total.row, ...id.parts.map((p) => p.cell.row)]) {
      top = Math.min(top, row);
      bottom = Math.max(bottom, row);
    }
  }
  return `${toA1(top, 0)}:${toA1(bottom, 0)}`;
}

/** The whole check of a workbook: every table on every sheet, then the form against the 评分表. */
function check(workbook: WorkbookGrid, engine: RuleEngine): CheckResult {
  const { sheets, reader, scoreTables, moneyTables } = analyse(workbook, engine);
  const findings: Finding[] = [];
  const tables: DetectedTable[] = [];
  let mainTotal: ScoreTotal | undefined;
  let totals: CheckResult['totals'];
  let mainUnits = 0;

  for (const { table, evaluations } of scoreTables) {
    const result = checkScoreTable(table, reader);
    findings.push(...result.findings, ...checkRuleScores(table, evaluations, reader));
    for (const id of table.fundIdentities) findings.push(...checkIdentity(table.sheet, reader, id));
    tables.push({ sheet: table.sheet.name, kind: 'score-table', range: tableRange(table) });
    // The form's 综合得分 answers to the largest 评分表 of the workbook.
    const value = result.enteredTotal ?? result.computedTotal;
    if (value && table.units.length > mainUnits) {
      mainTotal = { sheet: table.sheet.name, value };
      totals = {
        ...(result.enteredTotal ? { entered: result.enteredTotal.toFixed() } : {}),
        ...(result.computedTotal ? { computed: result.computedTotal.toFixed() } : {}),
      };
      mainUnits = table.units.length;
    }
  }
  for (const { sheet, identities } of moneyTables) {
    for (const id of identities) findings.push(...checkIdentity(sheet, reader, id));
    tables.push({ sheet: sheet.name, kind: 'money-table', range: identitiesRange(identities) });
  }
  const order = sheets.map((s) => s.name);
  tables.sort((a, b) => order.indexOf(a.sheet) - order.indexOf(b.sheet));
  findings.push(...checkSummaryAndGrade(sheets, reader, mainTotal));
  findings.push(...reader.findings());

  if (!tables.length) {
    const first = sheets[0];
    const empty = !first || sheets.every((s) => s.rowCount === 0);
    findings.push(
      finding('NO_SCORE_TABLE', first?.name ?? '', 'A1', empty ? messages.emptyWorkbook() + messages.noScoreTable() : messages.noScoreTable()),
    );
  }
  return {
    findings: sortFindings(findings, order),
    tables,
    ...(mainTotal ? { totalScore: mainTotal.value.toFixed(), totals } : {}),
    ...describeWorkbook(sheets),
  };
}

/** The 自评得分 and 扣分原因 the rule engine can compute from the workbook's own figures (填写自评得分). */
function propose(workbook: WorkbookGrid, engine: RuleEngine): ProposedScore[] {
  return analyse(workbook, engine).scoreTables.flatMap(({ table, evaluations }) => evaluations.map((e) => proposal(table.sheet, e)));
}

export interface CheckerOptions {
  rules?: RuleEngineOptions;
}

/**
 * A checker keeps one rule engine, so that a batch of workbooks from the same template parses each 评分标准 once.
 * Nothing else is kept between workbooks.
 */
export function createChecker(options: CheckerOptions = {}) {
  const engine = createRuleEngine(options.rules);
  return {
    check: (workbook: WorkbookGrid) => check(workbook, engine),
    propose: (workbook: WorkbookGrid) => propose(workbook, engine),
  };
}

export type Checker = ReturnType<typeof createChecker>;

/** One workbook, checked by a checker of its own. */
export const checkWorkbook = (workbook: WorkbookGrid): CheckResult => createChecker().check(workbook);

export const proposeScores = (workbook: WorkbookGrid): ProposedScore[] => createChecker().propose(workbook);

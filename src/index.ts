/** The public surface of the core: hosts build a WorkbookGrid and get findings back. */
export { checkWorkbook, createChecker, proposeScores, type Checker, type CheckerOptions, type CheckResult, type DetectedTable } from './checker';
export { fillTargets, type FillTarget, type ProposedScore } from './propose';
export { createRuleEngine, parseRule, scoreRule, shapeTitle, type RuleEngine } from './rules/engine';
export type { Rule, RuleError, RuleShape, RuleValue, Scored, ScoreOutcome } from './rules/types';
export { isRuleError } from './rules/types';
export { INDICATORS, indicator, indicatorRate, type Formula, type Indicator, type IndicatorId } from './indicators';
export type { Finding, FindingCode, Severity } from './findings';
export { SEVERITY } from './findings';
export { SEVERITIES, SEVERITY_LIST, argbOf, bySeverity, countBySeverity, type SeverityStyle } from './severity';
export type { CellValue, GridCell, Merge, SheetGrid, WorkbookGrid } from './grid';
export { MAX_COLUMNS, columnName, parseA1, parseRange, toA1 } from './grid';
export { parseAmount, type Amount, type NumberUnit } from './number';
export { Dec } from './decimal';
export {
  NOTE_TITLE,
  PRODUCT_NAME,
  cliMessages,
  codeNames,
  damageNotes,
  fileMessages,
  functionMessages,
  hostMessages,
  messages,
  summaryMessages,
  type CliCommand,
  type DamageWords,
  type FilePart,
} from './messages';
export { gradeOf } from './checks/form';

/** The public surface of the core: hosts build a WorkbookGrid and get findings back. */
export { checkWorkbook, createChecker, proposeScores, type Checker, type CheckerOptions, type CheckResult, type DetectedTable } from './checker';
export { fillTargets, type FillTarget, type ProposedScore } from './propose';
export { createRuleEngine, parseRule, scoreRule, shapeTitle, type RuleEngine } from './rules/engine';
export type { Rule, RuleError, RuleShape, RuleValue, Scored, ScoreOutcome } from './rules/types';
export { isRuleError } from './rules/types';
export * as indicators from './indicators';
export type { Finding, FindingCode, Severity } from './findings';
export { SEVERITY } from './findings';
export type { CellValue, GridCell, Merge, SheetGrid, WorkbookGrid } from './grid';
export { columnName, parseA1, parseRange, toA1 } from './grid';
export { parseAmount, type Amount, type NumberUnit } from './number';
export { Dec } from './decimal';
export { gradeOf } from './checks/form';

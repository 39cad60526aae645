import type { CellRef, Sheet } from '../grid';
import { splitIndicatorLabel, type IndicatorLabel } from '../text';
import {
  FUND_AMOUNT,
  FUND_BUDGET,
  FUND_EXECUTED,
  FUND_RATE,
  GRADES,
  HEADING_POINTS,
  QIZHONG,
  SCORE_HEADER,
  TOTAL_ROW,
  type ScoreColumnRole,
} from '../vocabulary';
import type { SumIdentity } from './identity';
import { FUND_PART_ROWS } from './windows';

export type ScoreColumns = Partial<Record<ScoreColumnRole, number>> & { score: number };

/**
 * One 分值 cell and the rows it covers. A 分值 merged over several rows (经济效益/社会效益/生态效益 sharing 15) is
 * one unit: its points count once and its rows' scores add up against them.
 */
export interface ScoringUnit {
  kind: 'unit';
  rows: number[];
  label: IndicatorLabel;
  labelCell: CellRef;
  pointsCell?: CellRef;
  scoreCells: CellRef[];
  reasonCells: CellRef[];
  criterionCell?: CellRef;
  /** The 年度资金总额 row's 全年预算数 and 全年执行数: its score is 执行率 × 分值. */
  execution?: { budgetCell: CellRef; executedCell: CellRef };
}

/** A first- or second-level indicator: "过程（40分）", "C2部门效果(22分)", "数量指标". */
export interface IndicatorGroup {
  kind: 'group';
  level: 1 | 2;
  label: IndicatorLabel;
  labelCell: CellRef;
  children: IndicatorNode[];
  /** Where the group has a row of its own (投入 | | | 15 | 14): its 分值 and its subtotal score. */
  pointsCell?: CellRef;
  scoreCell?: CellRef;
}

export type IndicatorNode = IndicatorGroup | ScoringUnit;

/**
 * A heading over the 一级指标 that declares their points: 四川's 绩效指标(90分), 湖北's 年度绩效目标(80分) — one per
 * header row, several when 湖北's 年度绩效目标1(40分) / 年度绩效目标2(40分) each repeat the header.
 */
export interface IndicatorBlock {
  label: IndicatorLabel;
  labelCell: CellRef;
  roots: IndicatorNode[];
}

export interface TotalRow {
  row: number;
  labelCell: CellRef;
  pointsCell?: CellRef;
  scoreCell: CellRef;
  /** A grade written beside the 总分 (总分 | 100 | 96 | 优). */
  gradeCell?: CellRef;
}

export interface ScoreTable {
  sheet: Sheet;
  headerRow: number;
  columns: ScoreColumns;
  /** Top-level indicators in sheet order. */
  roots: IndicatorNode[];
  /** Every unit, in sheet order. */
  units: ScoringUnit[];
  /** Scored rows outside the indicator tree that may count in the 总分 (the national 年度资金总额 row). */
  extras: ScoringUnit[];
  /** 年度资金总额 = its 其中 rows, in each money column of the block above the table. */
  fundIdentities: SumIdentity[];
  blocks: IndicatorBlock[];
  total?: TotalRow;
  lastRow: number;
}

const MAX_BLANK_RUN = 5;

function roleOf(label: string): ScoreColumnRole | undefined {
  return SCORE_HEADER.find(([, pattern]) => pattern.test(label))?.[0];
}

/** The role of each column of a row, reading each merged header cell once. */
function headerRoles(sheet: Sheet, row: number): Partial<Record<ScoreColumnRole, number>> {
  const roles: Partial<Record<ScoreColumnRole, number>> = {};
  for (let col = 0; col < sheet.colCount; col++) {
    if (sheet.mergeAt(row, col) && sheet.masterOf(row, col).col !== col) continue;
    const role = roleOf(sheet.shortLabel(row, col));
    if (role && roles[role] === undefined) roles[role] = col;
  }
  return roles;
}

function isScoreHeader(roles: Partial<Record<ScoreColumnRole, number>>): roles is ScoreColumns {
  return roles.score !== undefined && (roles.level1 !== undefined || roles.level2 !== undefined || roles.level3 !== undefined);
}

/**
 * A 评分表 header on one row, or on two: 绩效指标 | 年度指标值 | 分值 | 得分 above 一级指标 | 二级指标 | 三级指标 | 指标性质 | 指标值 |
 * 度量单位, with 分值 and 得分 merged down (云南's 公开14表). The second row then holds every role.
 */
function headerAt(sheet: Sheet, row: number): { row: number; roles: ScoreColumns } | undefined {
  for (const at of [row, row + 1]) {
    const roles = at < sheet.rowCount ? headerRoles(sheet, at) : {};
    if (isScoreHeader(roles)) return { row: at, roles };
  }
  return undefined;
}

/** A heading left of the 一级指标 column that declares points: 绩效指标(90分), 年度绩效目标(80分). */
function blockAt(sheet: Sheet, rows: number[], columns: ScoreColumns): IndicatorBlock | undefined {
  const first = Math.min(...[columns.level1, columns.level2, columns.level3].filter((c): c is number => c !== undefined));
  for (const row of rows) {
    for (let col = 0; col < first; col++) {
      if (!sheet.startsAt(row, col) || sheet.isEmpty(row, col)) continue;
      const label = splitIndicatorLabel(sheet.label(row, col));
      if (label.points !== undefined) return { label, labelCell: { row, col }, roots: [] };
    }
  }
  return undefined;
}

/** The texts that start in this row (a merged area from a row above is not this row's). */
function rowTexts(sheet: Sheet, row: number, atMost = Infinity): { col: number; text: string }[] {
  const out: { col: number; text: string }[] = [];
  for (let col = 0; col < sheet.colCount && out.length < atMost; col++) {
    if (!sheet.startsAt(row, col) || sheet.isEmpty(row, col)) continue;
    out.push({ col, text: sheet.text(row, col) });
  }
  return out;
}

/** A title between two pages of the table: "部门整体支出绩效评价评分表（续）", one cell across the table. */
function isTitleRow(sheet: Sheet, row: number, texts: { col: number; text: string }[], columns: ScoreColumns): boolean {
  if (texts.length !== 1) return false;
  if (/[(（]续[)）]$/.test(texts[0].text.trim())) return true;
  const merge = sheet.mergeAt(row, texts[0].col);
  return !!merge && merge.left <= (columns.level3 ?? columns.score) && merge.right >= columns.score;
}

function totalLabelCol(sheet: Sheet, row: number, columns: ScoreColumns): number | undefined {
  for (let col = 0; col < columns.score; col++) {
    if (TOTAL_ROW.test(sheet.shortLabel(row, col))) return sheet.masterOf(row, col).col;
  }
  return undefined;
}

function isEndNote(texts: { col: number; text: string }[]): boolean {
  const first = texts[0];
  return !!first && /^(备注|说明|注[:：]|填表说明|填报人|填表人)/.test(first.text.trimStart());
}

function ref(sheet: Sheet, row: number, col: number): CellRef {
  return sheet.masterOf(row, col);
}

function key(cell: CellRef): string {
  return `${cell.row}:${cell.col}`;
}

function pushDistinct(list: CellRef[], cell: CellRef): void {
  if (!list.some((c) => c.row === cell.row && c.col === cell.col)) list.push(cell);
}

function tableColumns(columns: ScoreColumns): number[] {
  return Object.values(columns).filter((c): c is number => c !== undefined);
}

/** Reads the rows below a 评分表 header into the indicator tree. */
function readTable(sheet: Sheet, headerRows: number[], columns: ScoreColumns): ScoreTable {
  const headerRow = headerRows[headerRows.length - 1];
  const table: ScoreTable = { sheet, headerRow, columns, roots: [], units: [], extras: [], fundIdentities: [], blocks: [], lastRow: headerRow };
  const cols = tableColumns(columns);
  let level1: IndicatorGroup | undefined;
  let level2: IndicatorGroup | undefined;
  let block = blockAt(sheet, headerRows, columns);
  if (block) table.blocks.push(block);
  const unitsByPointsCell = new Map<string, ScoringUnit>();
  let blankRun = 0;
  const addRoot = (node: IndicatorNode) => {
    table.roots.push(node);
    block?.roots.push(node);
  };

  const group = (level: 1 | 2, col: number, row: number, current: IndicatorGroup | undefined) => {
    const text = sheet.text(row, col);
    if (!text) return current;
    const cell = ref(sheet, row, col);
    const split = splitIndicatorLabel(sheet.label(row, col));
    // A 一级指标 cell holding only its points, "(50分)", is named by what it says.
    const label = split.name ? split : { ...split, name: sheet.label(row, col) };
    // The same label again (a page-break continuation repeats 过程（40分）) continues the same indicator.
    if (current && (key(current.labelCell) === key(cell) || sheet.label(current.labelCell.row, current.labelCell.col) === sheet.label(row, col))) {
      return current;
    }
    return { kind: 'group', level, label, labelCell: cell, children: [] } as IndicatorGroup;
  };

  for (let row = headerRow + 1; row < sheet.rowCount; row++) {
    if (cols.every((c) => sheet.isEmpty(row, c))) {
      if (++blankRun >= MAX_BLANK_RUN) break;
      continue;
    }
    blankRun = 0;
    // A repeated header (after a page break) says 得分 again in the score column; data rows never do.
    const repeatsHeader = roleOf(sheet.shortLabel(row, columns.score)) === 'score' && isScoreHeader(headerRoles(sheet, row));
    if (repeatsHeader) {
      // 湖北's 年度绩效目标2(40分) repeats the header under a heading of its own: a new block, not a page break.
      const next = blockAt(sheet, [row], columns);
      if (next && next.labelCell.row !== block?.labelCell.row) {
        table.blocks.push((block = next));
        level1 = level2 = undefined;
      }
      continue;
    }
    // Titles and end notes are a row's only or first text: two texts are enough to tell.
    const texts = rowTexts(sheet, row, 2);
    if (isTitleRow(sheet, row, texts, columns)) continue;
    if (isEndNote(texts)) break;
    const totalCol = totalLabelCol(sheet, row, columns);
    if (totalCol !== undefined) {
      table.total = {
        row,
        labelCell: ref(sheet, row, totalCol),
        scoreCell: ref(sheet, row, columns.score),
        ...totalPointsCell(sheet, row, totalCol, columns),
        ...gradeCell(sheet, row, columns),
      };
      table.lastRow = row;
      break;
    }
    table.lastRow = row;

    if (columns.level1 !== undefined) {
      const next = group(1, columns.level1, row, level1);
      if (next !== level1) {
        level1 = next;
        level2 = undefined;
        if (level1) addRoot(level1);
      }
    }
    if (columns.level2 !== undefined) {
      const next = group(2, columns.level2, row, level2);
      if (next !== level2 && next) {
        level2 = next;
        if (level1) level1.children.push(level2);
        else addRoot(level2);
      }
    }

    const nameCol = columns.level3 ?? columns.level2 ?? columns.level1!;
    const nameText = sheet.text(row, nameCol);
    const hasNumbers = [columns.points, columns.score].some((c) => c !== undefined && !sheet.isEmpty(row, c));
    const ownName = columns.level3 !== undefined ? nameText : '';
    if (!ownName && !hasNumbers) continue;
    // A group's own row, with no 三级指标 of its own: its 分值 and subtotal, not a scored indicator.
    const startedHere = [level2, level1].find((g) => g?.labelCell.row === row);
    if (!ownName && startedHere && columns.level3 !== undefined) {
      if (columns.points !== undefined) startedHere.pointsCell = ref(sheet, row, columns.points);
      startedHere.scoreCell = ref(sheet, row, columns.score);
      continue;
    }

    const pointsCell = columns.points !== undefined ? ref(sheet, row, columns.points) : undefined;
    const shared = pointsCell && sheet.mergeAt(row, columns.points!) ? unitsByPointsCell.get(key(pointsCell)) : undefined;
    const unit: ScoringUnit = shared ?? {
      kind: 'unit',
      rows: [],
      label: splitIndicatorLabel(sheet.label(row, nameCol)),
      labelCell: ref(sheet, row, nameCol),
      ...(pointsCell ? { pointsCell } : {}),
      ...(columns.criterion !== undefined ? { criterionCell: ref(sheet, row, columns.criterion) } : {}),
      scoreCells: [],
      reasonCells: [],
    };
    unit.rows.push(row);
    pushDistinct(unit.scoreCells, ref(sheet, row, columns.score));
    if (columns.reason !== undefined) pushDistinct(unit.reasonCells, ref(sheet, row, columns.reason));
    if (!shared) {
      if (pointsCell) unitsByPointsCell.set(key(pointsCell), unit);
      table.units.push(unit);
      const parent = level2 ?? level1;
      if (parent) parent.children.push(unit);
      else addRoot(unit);
    }
  }
  return table;
}

function gradeCell(sheet: Sheet, row: number, columns: ScoreColumns): { gradeCell?: CellRef } {
  for (let col = columns.score + 1; col < sheet.colCount; col++) {
    const word = sheet.startsAt(row, col) ? sheet.label(row, col) : '';
    if (GRADES.some((g) => g.spellings.includes(word))) return { gradeCell: { row, col } };
  }
  return {};
}

/** The 总分 row's 分值: in the 分值 column, or (Kunming, no 分值 column) the first number left of the score. */
function totalPointsCell(sheet: Sheet, row: number, labelCol: number, columns: ScoreColumns): { pointsCell?: CellRef } {
  if (columns.points !== undefined) {
    // National 总分 is one cell merged across to the 分值 column: no 分值 of its own then.
    const at = ref(sheet, row, columns.points);
    return at.col === labelCol ? {} : { pointsCell: at };
  }
  for (let col = labelCol + 1; col < columns.score; col++) {
    const at = ref(sheet, row, col);
    if (at.col === col && /^\s*\d+(\.\d+)?\s*分?\s*$/.test(sheet.text(row, col).normalize('NFKC'))) return { pointsCell: at };
  }
  return {};
}

interface Heading {
  col: number;
  label: string;
}

/** The last row a header covers: its headings merged down (预算执行数 beside 年初预算 | 调整后预算数) belong to it. */
function headingRows(sheet: Sheet, row: number): number {
  let bottom = row;
  for (const t of rowTexts(sheet, row)) {
    const label = sheet.label(row, t.col);
    if (roleOf(label) || [FUND_BUDGET, FUND_EXECUTED, FUND_RATE].some((p) => p.test(label))) {
      bottom = Math.max(bottom, sheet.mergeAt(row, t.col)?.bottom ?? row);
    }
  }
  return bottom;
}

/** 年度资金总额 = its 其中 rows below (其中:当年财政拨款, 上年结转资金, 其他资金), in each money column. */
function fundIdentities(sheet: Sheet, totalRow: number, labelCol: number, headings: Heading[]): SumIdentity[] {
  // A heading left of the labels (年度总体目标) starts the next part of the form.
  const startsSection = (row: number) => {
    for (let col = 0; col < labelCol; col++) if (sheet.startsAt(row, col) && !sheet.isEmpty(row, col)) return true;
    return false;
  };
  const parts: { row: number; name: string }[] = [];
  for (let row = totalRow + 1; row < sheet.rowCount && parts.length < FUND_PART_ROWS; row++) {
    const nextSection = startsSection(row);
    const text = sheet.startsAt(row, labelCol) ? sheet.label(row, labelCol) : '';
    if (nextSection || !text || (!parts.length && !QIZHONG.test(text))) break;
    parts.push({ row, name: text.replace(QIZHONG, '') });
  }
  if (!parts.length) return [];
  const subject = sheet.label(totalRow, labelCol);
  return headings
    .filter((h) => FUND_AMOUNT.test(h.label) && sheet.startsAt(totalRow, h.col))
    .sort((a, b) => a.col - b.col)
    .map((h) => ({
      total: { row: totalRow, col: h.col },
      subject,
      qualifier: h.label,
      parts: parts.map((p) => ({ cell: { row: p.row, col: h.col }, name: p.name })),
      // 当年财政拨款 + 上年结转资金 + 其他资金 make the whole; a lone 其中 row may be part of it.
      exhaustive: parts.length > 1,
    }));
}

/**
 * The 年度资金总额 row under a header with 得分 and 执行数 or 执行率 (national 自评表, 四川's 预算执行情况(10分) with
 * 权重, 湖北's 预算执行情况(20分) whose points stand in 得分(20分*执行率)), and the identities of its money columns.
 */
function readFundBlock(
  sheet: Sheet,
  headerRow: number,
  roles: Partial<Record<ScoreColumnRole, number>>,
): { units: ScoringUnit[]; identities: SumIdentity[] } | undefined {
  if (roles.score === undefined || isScoreHeader(roles)) return undefined;
  const bottom = headingRows(sheet, headerRow);
  const headings: Heading[] = [];
  for (let row = headerRow; row <= bottom; row++) {
    for (const t of rowTexts(sheet, row)) headings.push({ col: t.col, label: sheet.label(row, t.col) });
  }
  const columnOf = (pattern: RegExp) => headings.find((h) => pattern.test(h.label))?.col;
  const budgetCol = columnOf(FUND_BUDGET);
  const executedCol = columnOf(FUND_EXECUTED);
  if (budgetCol === undefined && executedCol === undefined && columnOf(FUND_RATE) === undefined) return undefined;
  const headingPoints = roles.points === undefined ? headings.map((h) => HEADING_POINTS.exec(h.label)?.[1]).find((p) => p !== undefined) : undefined;
  const numberCol = roles.points ?? (headingPoints !== undefined ? roles.score : undefined);
  if (numberCol === undefined) return undefined;
  const units: ScoringUnit[] = [];
  for (let row = bottom + 1; row < sheet.rowCount; row++) {
    if (!/^\d/.test(sheet.text(row, numberCol).normalize('NFKC'))) break;
    const label = rowTexts(sheet, row).find((t) => t.col < numberCol && !/^\d/.test(t.text.normalize('NFKC')));
    // 其中:当年财政拨款 repeating the 分值 and 得分 is the breakdown of the row above, not a second score.
    if (!label || QIZHONG.test(sheet.label(row, label.col))) break;
    const split = splitIndicatorLabel(sheet.label(row, label.col));
    units.push({
      kind: 'unit',
      rows: [row],
      label: headingPoints !== undefined ? { ...split, points: headingPoints } : split,
      labelCell: ref(sheet, row, label.col),
      ...(roles.points !== undefined ? { pointsCell: ref(sheet, row, roles.points) } : {}),
      scoreCells: [ref(sheet, row, roles.score)],
      reasonCells: [],
      ...(budgetCol !== undefined && executedCol !== undefined
        ? { execution: { budgetCell: ref(sheet, row, budgetCol), executedCell: ref(sheet, row, executedCol) } }
        : {}),
    });
    // Without a 分值 column (湖北) the block has one scored row; the rows below are its 其中 breakdown.
    if (roles.points === undefined) break;
  }
  if (!units.length) return undefined;
  return { units, identities: fundIdentities(sheet, units[0].rows[0], units[0].labelCell.col, headings) };
}

/**
 * A 评分表 that lists every level in one column (A部门决策(35分), A1部门目标(12分), A11…): the codes give the
 * hierarchy. A row whose code begins later rows' codes is their parent indicator, not a scored row.
 */
function nestByCodes(table: ScoreTable): void {
  if (table.columns.level1 !== undefined || table.columns.level2 !== undefined) return;
  const codes = table.units.map((u) => u.label.code);
  const isParent = (i: number) => !!codes[i] && codes.some((c, j) => j > i && !!c && c.length > codes[i]!.length && c.startsWith(codes[i]!));
  if (!codes.some((_, i) => isParent(i))) return;
  const roots: IndicatorNode[] = [];
  const units: ScoringUnit[] = [];
  const open: { code: string; group: IndicatorGroup }[] = [];
  table.units.forEach((unit, i) => {
    const code = unit.label.code ?? '';
    while (open.length && !(code.startsWith(open[open.length - 1].code) && code !== open[open.length - 1].code)) open.pop();
    const siblings = open.length ? open[open.length - 1].group.children : roots;
    if (isParent(i)) {
      const group: IndicatorGroup = {
        kind: 'group',
        level: open.length ? 2 : 1,
        label: unit.label,
        labelCell: unit.labelCell,
        children: [],
        ...(unit.pointsCell ? { pointsCell: unit.pointsCell } : {}),
        scoreCell: unit.scoreCells[0],
      };
      siblings.push(group);
      open.push({ code, group });
    } else {
      siblings.push(unit);
      units.push(unit);
    }
  });
  table.roots = roots;
  table.units = units;
}

/** Every 评分表 on a sheet, wherever it starts, each with the 年度资金总额 block found above it. */
export function detectScoreTables(sheet: Sheet): ScoreTable[] {
  const tables: ScoreTable[] = [];
  let fund: { units: ScoringUnit[]; identities: SumIdentity[] } | undefined;
  // Every header, of a 评分表 or of a 年度资金总额 block, has a 得分 cell: only those rows are looked at.
  const candidates = [
    ...new Set(
      sheet
        .textCells()
        .filter((t) => roleOf(t.label) === 'score')
        .map((t) => t.row),
    ),
  ];
  for (const row of candidates) {
    if (tables.length && row <= tables[tables.length - 1].lastRow) continue;
    const header = headerAt(sheet, row);
    if (header) {
      const table = readTable(sheet, header.row === row ? [row] : [row, header.row], header.roles);
      nestByCodes(table);
      table.extras = fund?.units ?? [];
      table.fundIdentities = fund?.identities ?? [];
      fund = undefined;
      tables.push(table);
    } else {
      fund = readFundBlock(sheet, row, headerRoles(sheet, row)) ?? fund;
    }
  }
  return tables;
}

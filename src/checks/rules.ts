import type { CellReader } from '../cells';
import { show, type Dec } from '../decimal';
import type { ScoreTable } from '../detect/score-table';
import type { Evaluation } from '../evaluate';
import { ruleScoreFinding, type Finding } from '../findings';
import { messages } from '../messages';
import { isNumber, total } from '../compare';

/** RULE_SCORE_DIFFERS: the entered score matches no admissible reading of the row's own 评分标准. */
export function checkRuleScores(table: ScoreTable, evaluations: readonly Evaluation[], reader: CellReader): Finding[] {
  const out: Finding[] = [];
  for (const e of evaluations) {
    const scores = e.unit.scoreCells.map((c) => reader.amount(table.sheet, c.row, c.col));
    if (scores.some((a) => a.kind === 'invalid') || !scores.some(isNumber)) continue;
    const entered = total(scores.filter(isNumber));
    // Compared to the cent at least: 3.3333 entered as 3.33 is the same score, 4.6 entered as 5 is not. The
    // 年度资金总额 row is the exception: 执行率 × 分值 is entered in whole points, rounded either way (8.62 as 9 or 8).
    const places = Math.max(entered.decimals, 2);
    const wholePoints = e.unit.execution && entered.decimals === 0;
    const same = (r: Dec) =>
      wholePoints ? r.floor().eq(entered.value) || r.ceil().eq(entered.value) : r.toDecimalPlaces(places).eq(entered.value.toDecimalPlaces(places));
    if (e.readings.some(same)) continue;
    const cell = e.unit.scoreCells[0];
    out.push(
      ruleScoreFinding(
        e.complete,
        table.sheet.name,
        table.sheet.address(cell.row, cell.col),
        messages.ruleScoreDiffers(e.unit.label.name, e.inputs, e.score, e.reason, entered.value),
        { expected: show(e.score.toDecimalPlaces(2)), actual: show(entered.value) },
      ),
    );
  }
  return out;
}

import { show, type Dec } from './decimal';
import { SEVERITIES, SEVERITY_LIST, type Severity } from './severity';

/** Every Chinese sentence the checker says, in one place. Numbers come in as decimals and are shown as written. */

export interface Part {
  name: string;
  value: Dec;
}

const pts = (d: Dec) => `${show(d)}分`;
const quote = (name: string) => `“${name}”`;
const plus = (parts: readonly Part[]) =>
  parts.length > 1 && parts.length <= 12 ? `（${parts.map((p) => show(p.value)).join('+')}）` : '';
const levelWord = (level: 1 | 2 | 3) => (['一级指标', '二级指标', '三级指标'] as const)[level - 1];

export const messages = {
  /** "错误 4 条，警告 1 条，提示 0 条": the count of each severity, most serious first. */
  severityTally: (counts: Readonly<Record<Severity, number>>, measure: '条' | '个') =>
    SEVERITY_LIST.map((s) => `${SEVERITIES[s].word} ${counts[s]} ${measure}`).join('，'),

  weightMismatch: (level: 1 | 2, name: string, declared: Dec, sumOfChildren: Dec, children: readonly Part[], childLevel: 2 | 3) =>
    `${levelWord(level)}${quote(name)}标明${pts(declared)}，其下${levelWord(childLevel)}分值合计${pts(sumOfChildren)}${plus(children)}，` +
    `两者不一致。请核对该指标或其下指标的分值。`,

  labelPointsMismatch: (name: string, inLabel: Dec, inColumn: Dec) =>
    `指标${quote(name)}名称中标明${pts(inLabel)}，分值栏却填${pts(inColumn)}，请统一。`,

  blockWeightMismatch: (name: string, declared: Dec, sumOfTop: Dec, parts: readonly Part[]) =>
    `${quote(name)}标明${pts(declared)}，其下一级指标分值合计${pts(sumOfTop)}${plus(parts)}，两者不一致。请核对该栏或其下指标的分值。`,

  totalWeightMismatch: (declared: Dec, sumOfTop: Dec, parts: readonly Part[]) =>
    `总分栏分值为${pts(declared)}，各一级指标分值合计${pts(sumOfTop)}${plus(parts)}，两者不一致。请核对总分或各指标分值。`,

  emptyIndicator: (name: string, declared: Dec) =>
    `指标${quote(name)}标明${pts(declared)}，但其下没有填写任何指标的分值。请补充其下指标，或核对该项分值。`,

  scoreAbovePoints: (name: string, score: Dec, points: Dec) =>
    `指标${quote(name)}自评得分${pts(score)}，超过了该指标的分值${pts(points)}。得分不能高于分值，请核对。`,

  scoreNegative: (name: string, score: Dec) => `指标${quote(name)}自评得分为${pts(score)}，得分不能为负数，请核对。`,

  scoreNotNumber: (name: string, text: string) =>
    `指标${quote(name)}的得分“${text}”不是数字，无法计算总分。请填写数字得分。`,

  missingScore: (name: string, points: Dec) => `指标${quote(name)}分值${pts(points)}，但得分未填写。`,

  missingReason: (name: string, score: Dec, points: Dec) =>
    `指标${quote(name)}得${pts(score)}，比分值${pts(points)}少${pts(points.minus(score))}，但扣分原因未填写。请写明扣分原因。`,

  scoreTotalMismatch: (total: Dec, sumOfScores: Dec) =>
    `总分栏得分为${pts(total)}，但各指标得分合计为${pts(sumOfScores)}，相差${pts(total.minus(sumOfScores).abs())}。请重新合计总分。`,

  subtotalMismatch: (name: string, subtotal: Dec, sumOfScores: Dec) =>
    `指标${quote(name)}的小计得分为${pts(subtotal)}，但其下指标得分合计为${pts(sumOfScores)}，相差${pts(subtotal.minus(sumOfScores).abs())}。请重新合计。`,

  missingTotal: (sumOfScores: Dec) => `总分栏得分未填写，各指标得分合计为${pts(sumOfScores)}。`,

  summaryMismatch: (summary: Dec, total: Dec, tableSheet: string) =>
    `绩效自评综合得分填的是${pts(summary)}，但“${tableSheet}”评分表的总分为${pts(total)}。两处应一致，请核对。`,

  summaryNotNumber: (text: string) => `绩效自评综合得分“${text}”不是数字，请填写评分表的总分。`,

  gradeMismatch: (grade: string, score: Dec, expected: string) =>
    `评价等次填的是“${grade}”，但综合得分${pts(score)}对应的等次是“${expected}”（90分及以上为优，80至90分为良，60至80分为中，60分以下为差）。`,

  gradeMissing: (score: Dec, expected: string) => `评价等次未填写；综合得分${pts(score)}对应的等次是“${expected}”。`,

  sumMismatch: (total: string, column: string, value: Dec, parts: readonly Part[], sumOfParts: Dec) =>
    `${total}${column ? `（${column}）` : ''}为${show(value)}，但其组成部分${parts.map((p) => `${quote(p.name)}${show(p.value)}`).join(' + ')}` +
    ` 合计为${show(sumOfParts)}，相差${show(value.minus(sumOfParts).abs())}。请核对合计数或明细数。`,

  partsExceedTotal: (total: string, column: string, value: Dec, parts: readonly Part[], sumOfParts: Dec) =>
    `${total}${column ? `（${column}）` : ''}为${show(value)}，但其中所列明细${parts.map((p) => `${quote(p.name)}${show(p.value)}`).join(' + ')}` +
    ` 合计${show(sumOfParts)}，超过了总数${show(sumOfParts.minus(value))}。“其中”明细不能大于总数，请核对。`,

  ruleScoreDiffers: (name: string, inputs: string, score: Dec, reason: string, entered: Dec) =>
    `指标${quote(name)}按评分标准计算：${inputs}，应得${pts(score.toDecimalPlaces(2))}（${reason}），自评得分却填了${pts(entered)}。请核对得分或所依据的数据。`,

  zeroDenominator: (denominator: string, indicator: string) => `${denominator}为0，无法计算${indicator}。`,

  negativeDenominator: (denominator: string, indicator: string) => `${denominator}不能为负数，无法计算${indicator}。`,

  /** An input of an indicator the workbook does not have, counted as 0. */
  missingInput: (name: string) => `${name}未填（按0计）`,

  textNumber: (raw: string, value: Dec) =>
    `单元格内容“${raw}”是以文本形式保存的数字，已按${show(value)}读取。建议改为数值格式，以免Excel求和时漏算。`,

  formulaNoValue: (formula: string) =>
    `该单元格的公式“=${formula}”没有计算结果（文件可能由其他程序生成）。请在Excel或WPS中打开并保存后再检查。`,

  fileDamaged: (part: string, what: string, count: number) =>
    `文件有损坏（${part}）：${what}${count > 1 ? `（共${count}处）` : ''}。已尽量读取，检查结果可能不完整；请在Excel或WPS中打开修复后另存，或向报送单位索取完好的文件。`,

  noScoreTable: () =>
    `未识别到评分表、自评表或基础数据表：没有找到含“三级指标”“得分”等表头的表格。请确认这是部门整体支出绩效自评工作簿。`,

  emptyWorkbook: () => `工作簿中没有任何内容。`,
};

/** The PERF worksheet functions' refusals, shown by Excel and WPS as the #VALUE! tooltip. */
export const functionMessages = {
  missing: (what: string) => `缺少${what}。`,
  notNumber: (what: string, text: string) => `${what}“${text}”不是数字。`,
  noRuleText: () => '请给出评分标准的文字。',
  totalOutOfRange: (total: Dec) => `综合得分应在0至100分之间，而不是${show(total)}。`,
};

/** The perf-check command's words. */
export const cliMessages = {
  ruleShape: (title: string, shape: string, max: string, manual: boolean) =>
    `计分方法：${title}（${shape}），满分${max}分${manual ? '，需人工评定' : ''}`,
  ruleScore: (score: string) => `得分：${score}分`,
  ruleReadings: (readings: readonly string[]) => `可接受的得分：${readings.map((r) => r + '分').join('、')}`,
  ruleReason: (reason: string) => `说明：${reason}`,
  badMax: (max: string) => `--max 应是分值数字，而不是“${max}”。`,
  noValue: () => '请用 --value 给出要计分的数值，如 --value 110%。',
};

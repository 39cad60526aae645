import type { Dec } from '../decimal';
import { percentText as pct, pointsText as pts } from './text';

/**
 * Every sentence the rule engine says: why a text or a value cannot be scored, and the 扣分原因 it writes. Reasons
 * read as a reviewer writes them: the indicator by name, its value, the rule's threshold, what was deducted.
 */
const floorNote = (reached: boolean) => (reached ? '，扣完为止' : '');
const capNote = (capped: boolean, cap: Dec | undefined) => (capped && cap ? `，扣分以${pts(cap)}为限` : '');

export const ruleMessages = {
  empty: '评分标准为空。',
  unreadable: '无法识别该评分标准的计分方法，请人工评分。',
  missingMax: '评分标准没有写明满分，请同时提供该指标的分值。',
  notANumberValue: (what: string) => `${what}应是一个数值。`,
  missingValue: (what: string) => `缺少${what}，无法计算得分。`,
  notANumber: (what: string, text: string) => `${what}“${text}”不是数字。`,
  percentWithoutSign: (what: string, n: Dec) => `${what}${n.toFixed()}看起来是漏写了百分号的百分数，请写成${n.toFixed()}%或${n.div(100).toFixed()}。`,
  notACount: (what: string, n: Dec) => `${what}应是0或正整数，而不是${n.toFixed()}。`,

  // linear
  linearNoThreshold: '评分标准写了每个百分点扣分，但没有写明以多少为标准。',
  linearNoDeduction: '评分标准写了每个百分点扣分，但没有写明扣多少分。',
  linearFull: (subject: string, v: Dec, word: string, threshold: Dec, max: Dec) => `${subject}${pct(v)}，${word}${pct(threshold)}，得满分${pts(max)}`,
  linear: (subject: string, v: Dec, gap: string, step: Dec, perStep: Dec, deducted: Dec, reachedZero: boolean, capped: boolean, cap?: Dec) =>
    `${subject}${pct(v)}，${gap}，每${step.eq(1) ? '个' : `${step.toFixed()}个`}百分点扣${pts(perStep)}，扣${pts(deducted)}` +
    `${floorNote(reachedZero)}${capNote(capped, cap)}`,
  gapAbove: (threshold: Dec, n: string) => `超过${pct(threshold)}共${n}个百分点`,
  gapBelow: (threshold: Dec, n: string) => `低于${pct(threshold)}共${n}个百分点`,
  gapEither: (threshold: Dec, n: string) => `与${pct(threshold)}相差${n}个百分点`,
  notAbove: '未超过',
  notBelow: '不低于',
  equalTo: '等于',

  // bands
  outsideBands: (subject: string, v: Dec) => `${subject}${pct(v)}不在评分标准列出的任何一档内，请人工评定。`,
  band: (subject: string, v: Dec, label: string, points: Dec) => `${subject}${pct(v)}，属于“${label}”档，得${pts(points)}`,

  // interpolate
  interpolateBounds: '评分标准中“得0分”的界限应大于“得满分”的界限。',
  // The value and bounds come written with their unit: "93%", "20个工作日".
  interpolateFull: (subject: string, v: string, full: string, max: Dec) => `${subject}${v}，不超过${full}，得满分${pts(max)}`,
  interpolateZero: (subject: string, v: string, zero: string) => `${subject}${v}，达到${zero}，不得分`,
  interpolate: (subject: string, v: string, full: string, zero: string, deducted: Dec, score: Dec) =>
    `${subject}${v}，在${full}至${zero}之间，按比例扣${pts(deducted)}，得${pts(score)}`,

  // proportional
  proportionalFull: (subject: string, v: Dec, target: Dec | undefined, max: Dec) =>
    `${subject}${pct(v)}，${target ? `达到${pct(target)}，` : ''}得满分${pts(max)}`,
  proportional: (subject: string, v: Dec, target: Dec | undefined, max: Dec, score: Dec) =>
    `${subject}${pct(v)}，按比例得${pts(score)}（${target ? `${pct(v)}÷${pct(target)}×${pts(max)}` : `${pct(v)}×${pts(max)}`}），扣${pts(max.minus(score))}`,

  // balance
  balanceFigures: (balance: Dec, carryOver: Dec) => `结余${balance.toFixed()}万元，上年结转${carryOver.toFixed()}万元`,
  balanceNone: '无结余',
  balanceWithin: '有结余，未超过上年结转',
  balanceOver: '结余超过上年结转',
  balanceValue: '资金结余请填写“无结余”“未超过上年结转”“超过上年结转”，或结余与上年结转之比（无结余为0）。',
  balanceFull: (detail: string, points: Dec) => `${detail}，得满分${pts(points)}`,
  balance: (detail: string, points: Dec, deducted: Dec) => `${detail}，得${pts(points)}，扣${pts(deducted)}`,

  // checklist, choice
  unknownItems: (value: string, count: number) => `“${value}”中有评分标准里没有的项目编号（共${count}项）。`,
  tooManyItems: (count: number, n: Dec) => `评分标准只有${count}项，满足项目数不能是${n.toFixed()}。`,
  unequalItems: '各项分值不同，仅凭项目数无法计分。请列出满足的项目编号，如“1,3”或“①③”。',
  vetoed: (item: string) => `存在“${item}”所列情形，该指标不得分`,
  allItems: (score: Dec) => `各项均满足，得满分${pts(score)}`,
  missedItems: (numbers: string, items: string, lost: Dec, score: Dec) => `未满足第${numbers}项（${items}），扣${pts(lost)}，得${pts(score)}`,
  unknownCase: (words: string, cases: string[]) => `“${words}”对不上评分标准列出的情形（${cases.join('、')}），请填写情形的序号。`,
  noSuchCase: (count: number, n: Dec) => `评分标准只列了${count}种情形，没有第${n.toFixed()}种。`,
  noDeductedCase: (max: Dec) => `未出现评分标准所列扣分情形，得满分${pts(max)}`,
  choice: (number: string, item: string, lost: Dec, score: Dec) =>
    `属于第${number}种情形（${item}）${lost.isZero() ? '' : `，扣${pts(lost)}`}，得${pts(score)}`,

  // occurrence
  occurrenceNone: (max: Dec) => `未出现扣分情形，得满分${pts(max)}`,
  occurrence: (what: string, n: Dec, unit: string, per: Dec, deducted: Dec, score: Dec, reachedZero: boolean, capped: boolean, cap?: Dec) =>
    `${what}${n.toFixed()}${unit}，每${unit}扣${pts(per)}，扣${pts(deducted)}${floorNote(reachedZero)}${capNote(capped, cap)}，得${pts(score)}`,
  occurrenceKinds: (parts: string[], deducted: Dec, score: Dec, reachedZero: boolean, capped: boolean, cap?: Dec) =>
    `${parts.join('；')}，共扣${pts(deducted)}${floorNote(reachedZero)}${capNote(capped, cap)}，得${pts(score)}`,
  occurrenceKind: (label: string, n: Dec, unit: string, per: Dec) => `${label}${n.toFixed()}${unit}，每${unit}扣${pts(per)}`,
  countsPerKind: (kinds: number) => `评分标准分${kinds}类情形，各类扣分不同，请按顺序填写各类次数，如“2,1”。`,
  countsMismatch: (kinds: number, given: number) => `评分标准分${kinds}类情形，填写的次数却有${given}个。`,
  bonusNone: '没有加分事项，不加分',
  bonus: (n: Dec, unit: string, per: Dec, score: Dec, capped: boolean, cap?: Dec) =>
    `加分事项${n.toFixed()}${unit}，每${unit}加${pts(per)}${capped && cap ? `，累计以${pts(cap)}为限` : ''}，得${pts(score)}`,
  occurrenceWhat: '扣分情形',
  missing: '缺少',

  // binary
  binaryValue: '请填写“完成”或“未完成”（也可填 1 或 0）。',
  binaryDone: (max: Dec) => `已完成，得满分${pts(max)}`,
  binaryNotDone: (max: Dec) => `未完成，不得分（扣${pts(max)}）`,

  // manual
  manual: (min: Dec, max: Dec) => `该项需人工评定（${pts(min)}至${pts(max)}），请按评分标准酌情打分`,

  // value names
  defaultSubject: '指标值',
  rate: '比率',
  count: '出现次数',
  itemsMet: '满足的项目数',
  caseNumber: '符合的情形编号',
  balanceRatio: '结余与上年结转之比',
  balanceAmount: '结余',
};

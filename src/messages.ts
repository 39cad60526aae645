import { show, type Dec } from './decimal';
import { SEVERITIES, SEVERITY_LIST, type Severity } from './severity';

/** The product's name, as the panes, the notes and the annotated copy's comments show it. */
export const PRODUCT_NAME = '绩效自评助手';
/** The first line of every note the add-ins and the annotated copy write: how a note is known as theirs. */
export const NOTE_TITLE = `【${PRODUCT_NAME}】`;

/** Every Chinese sentence the checker says, in one place. Numbers come in as decimals and are shown as written. */

export interface Part {
  name: string;
  value: Dec;
}

const pts = (d: Dec) => `${show(d)}分`;
const quote = (name: string) => `“${name}”`;
const plus = (parts: readonly Part[]) => (parts.length > 1 && parts.length <= 12 ? `（${parts.map((p) => show(p.value)).join('+')}）` : '');
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

  scoreNotNumber: (name: string, text: string) => `指标${quote(name)}的得分“${text}”不是数字，无法计算总分。请填写数字得分。`,

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

  formulaNoValue: (formula: string) => `该单元格的公式“=${formula}”没有计算结果（文件可能由其他程序生成）。请在Excel或WPS中打开并保存后再检查。`,

  fileDamaged: (part: string, what: string, count: number) =>
    `文件有损坏（${part}）：${what}${count > 1 ? `（共${count}处）` : ''}。已尽量读取，检查结果可能不完整；请在Excel或WPS中打开修复后另存，或向报送单位索取完好的文件。`,

  noScoreTable: () => `未识别到评分表、自评表或基础数据表：没有找到含“三级指标”“得分”等表头的表格。请确认这是部门整体支出绩效自评工作簿。`,

  emptyWorkbook: () => `工作簿中没有任何内容。`,
};

/** The PERF worksheet functions' refusals, shown by Excel and WPS as the #VALUE! tooltip. */
export const functionMessages = {
  missing: (what: string) => `缺少${what}。`,
  notNumber: (what: string, text: string) => `${what}“${text}”不是数字。`,
  noRuleText: () => '请给出评分标准的文字。',
  totalOutOfRange: (total: Dec) => `综合得分应在0至100分之间，而不是${show(total)}。`,
};

const EXIT_CODES = '退出码：0 没有错误；1 发现错误（批量检查时也包括无法读取的文件）；2 文件、文件夹或输入无法读取；130 被中断。';

/** Each command's help, as `perf-check <命令> --help` prints it. */
const HELP = {
  check: `  perf-check check <工作簿> [更多工作簿…] [--json]
      检查一个或几个绩效自评工作簿（.xlsx、.xlsm、.xls、.et、.ods；可用通配符，如 收件/*.xls*），
      逐条列出问题及所在单元格。--json 输出机器可读的结果（几个文件时为数组）。`,
  batch: `  perf-check batch <收件文件夹> [--out <审核结果文件夹>] [--jobs <线程数>] [--force]
      检查文件夹（含子文件夹）中的全部工作簿：每个生成带标注的副本（相对路径不变，原件不动；
      .xls、.et、.ods 的副本转换为 .xlsx），并生成 汇总.xlsx、汇总.csv、汇总.html。
      不写 --out 时，结果放在收件文件夹旁的“<收件文件夹>_审核结果”中。
      非电子表格文件（.txt、.docx、.pdf、Office 临时锁定文件）列为跳过。
      再次运行时只检查有变化的工作簿；--force 全部重做。`,
  rule: `  perf-check rule --text "<评分标准>" --value <数值> [--max <分值>] [--carry-over <上年结转>] [--json]
      按评分标准为一个数值计分，并给出扣分原因。数值可写 110%、1.1、出现次数、满足的项目如“①③”。`,
};

export type CliCommand = keyof typeof HELP;

/** The perf-check command's words: its help, its refusals and its reports. */
export const cliMessages = {
  usage: () => `用法：
${HELP.check}
${HELP.batch}
${HELP.rule}
  perf-check --help | perf-check <命令> --help
      显示帮助。
  perf-check --version
      显示版本。

${EXIT_CODES}`,
  commandHelp: (command: CliCommand) => `用法：\n${HELP[command]}\n\n${EXIT_CODES}`,
  fileTally: (file: string, count: number, tally: string) => `${file}：共 ${count} 条，${tally}。`,
  internalError: () => '检查这个文件时发生内部错误，未能完成。请把该文件反馈给开发者。',
  optionWithoutValue: (option: string) => `选项“${option}”后面缺少取值。`,
  badJobs: (jobs: string) => `--jobs 应是正整数，而不是“${jobs}”。`,
  /** The output folder when --out is not given: beside the input folder. */
  defaultOut: (input: string) => `${input}_审核结果`,
  interrupted: (processed: number) => `已中断：本次检查了 ${processed} 个工作簿，其余未处理，没有留下写了一半的文件。再次运行会接着检查。`,
  batchDone: (r: { files: number; processed: number; skipped: number; withErrors: number; unreadable: number; seconds: string }) =>
    `共 ${r.files} 个文件：本次检查 ${r.processed} 个，未变化跳过 ${r.skipped} 个；有错误 ${r.withErrors} 个，无法读取 ${r.unreadable} 个；用时 ${r.seconds} 秒。`,
  converted: (count: number) => `其中 ${count} 个旧格式文件（.xls、.et、.ods）的标注副本已转换为 .xlsx。`,
  notSpreadsheets: (names: readonly string[]) =>
    `跳过 ${names.length} 个不是电子表格的文件（未检查）：${names.slice(0, 10).join('、')}${names.length > 10 ? ' 等' : ''}`,
  summaryFiles: (names: readonly string[]) => `汇总：${names.join('、')}`,
  unknownCommand: (command: string) => `未知命令“${command}”。`,
  unknownOptions: (names: readonly string[]) => `未知选项“--${names.join(' --')}”。`,
  noRuleText: () => '请用 --text 给出评分标准。',
  noFolder: () => '请给出一个收件文件夹。',
  fileNotFolder: (path: string) => `“${path}”是一个文件，不是文件夹。batch 检查整个文件夹；检查单个文件请用：perf-check check "${path}"`,
  noFiles: () => '请给出要检查的工作簿文件。',
  secondsLeft: (seconds: number) => `剩余约 ${seconds} 秒`,
  estimating: () => '剩余时间估算中',
  progressFigures: (done: number, total: number, perSecond: string, left: string) => `${done}/${total}  ${perSecond} 个/秒  ${left}`,
  progressBar: (bar: string, figures: string) => `检查进度 [${bar}] ${figures}`,
  progressLine: (figures: string) => `已检查 ${figures}`,
  noInputFolder: (folder: string) => `找不到收件文件夹“${folder}”。`,
  outInsideInput: () => '输出文件夹不能是收件文件夹本身或它的上级文件夹，以免覆盖原件。请另选 --out 文件夹。',
  isFolder: (path: string) => `“${path}”是一个文件夹，不是工作簿文件。要检查整个文件夹，请用：perf-check batch "${path}" --out 审核结果`,
  fileNotFound: (path: string) => `找不到文件“${path}”，请检查路径和文件名。`,
  noPermission: (path: string) => `没有权限读写“${path}”。请检查文件或文件夹的权限（或换一个输出文件夹）后再运行。`,
  diskFull: (path: string) => `磁盘空间不足，无法写入“${path}”。请清理磁盘或换一个输出文件夹后再运行。`,
  fileBusy: (path: string) => `“${path}”正被其他程序占用（可能已在 Excel 或 WPS 中打开）。请关闭后再运行。`,
  fileInPath: (path: string) => `“${path}”的路径中有一处是文件而不是文件夹。请换一个文件夹后再运行。`,
  pathNotFound: (path: string) => `找不到“${path}”，请检查路径。`,
  fileSystemFailed: (path: string) => `读写“${path}”时出错，未能完成。请检查该文件或文件夹后再运行。`,
  fileTooLarge: (megabytes: number, limit: number) =>
    `文件有 ${megabytes} MB，超过了 ${limit} MB 的上限，不像是绩效自评工作簿。请删去无关的内容后另存再检查。`,
  ruleShape: (title: string, shape: string, max: string, manual: boolean) =>
    `计分方法：${title}（${shape}），满分${max}分${manual ? '，需人工评定' : ''}`,
  ruleScore: (score: string) => `得分：${score}分`,
  ruleReadings: (readings: readonly string[]) => `可接受的得分：${readings.map((r) => r + '分').join('、')}`,
  ruleReason: (reason: string) => `说明：${reason}`,
  badMax: (max: string) => `--max 应是分值数字，而不是“${max}”。`,
  noValue: () => '请用 --value 给出要计分的数值，如 --value 110%。',
};

import { show, type Dec } from './decimal';
import type { FindingCode } from './findings';
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
const scoreNotNumber = (name: string, text: string) => `指标${quote(name)}的得分“${text}”不是数字，无法计算总分。请填写数字得分。`;

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

  scoreNotNumber,

  totalNotNumber: (text: string) => scoreNotNumber('总分', text),

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

  /** A column's figure in a row of a table by 单位 or by project: "本级的“合计”". */
  rowColumn: (row: string, column: string) => `${row}的${quote(column)}`,

  /** A 基础数据表 figure by the year of its column: "2023年三公经费", "2023年三公经费预算". */
  yearFigure: (year: number, label: string) => `${year}年${label}`,
  yearBudget: (year: number, label: string) => `${year}年${label}预算`,

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

/** Each finding code's short name: the batch summary's columns and its chart of problems by kind. */
export const codeNames: Readonly<Record<FindingCode, string>> = {
  WEIGHT_MISMATCH: '分值不符',
  SCORE_OUT_OF_RANGE: '得分超出范围',
  SCORE_TOTAL_MISMATCH: '总分不符',
  SUMMARY_MISMATCH: '综合得分不符',
  GRADE_MISMATCH: '等次不符',
  MISSING_REASON: '缺扣分原因',
  SUM_MISMATCH: '合计不符',
  RULE_SCORE_DIFFERS: '得分与评分标准不符',
  TEXT_NUMBER: '文本型数字',
  NO_SCORE_TABLE: '未识别到评分表',
  MISSING_SCORE: '缺得分',
  EMPTY_INDICATOR: '指标未展开',
  FORMULA_NO_VALUE: '公式无结果',
  FILE_DAMAGED: '文件损坏',
};

/** The part of a file a damage note or a refusal names, in the words a reviewer reads. */
export type FilePart = '压缩包' | '工作簿结构' | '工作表XML' | '共享字符串' | '样式' | '工作表数据';

/** Damage a reader read around: the part it was in, and what was wrong and what was done, without a full stop. */
export interface DamageWords {
  part: FilePart;
  what: string;
}

const damage = (part: FilePart, what: string): DamageWords => ({ part, what });

/** Every kind of damage the file readers read around; messages.fileDamaged makes the FILE_DAMAGED sentence. */
export const damageNotes = {
  cellOutsideSheet: damage('工作表XML', '有单元格的位置超出了工作表范围，已跳过'),
  repeatedCell: damage('工作表XML', '有单元格或行重复出现，只读取了第一次'),
  textCut: (maxLength: number) => damage('工作表数据', `有单元格的文字超过 ${maxLength} 字，已截断`),
  mergeUnreadable: damage('工作表XML', '有合并区域的地址无法识别，已忽略'),
  mergeReversed: damage('工作表XML', '有合并区域的起止单元格颠倒，已按正常顺序读取'),
  mergeOutsideSheet: damage('工作表XML', '有合并区域超出了工作表范围，已忽略'),
  mergeHuge: damage('工作表XML', '有合并区域大得异常（如覆盖整张表），已按有数据的范围读取'),
  mergeOverlap: damage('工作表XML', '有合并区域互相重叠，已忽略后出现的一个'),
  stylesCut: damage('样式', '样式表不完整，部分数字格式（如百分比）未能读取'),
  stringsCut: damage('共享字符串', '文字表不完整，部分单元格的文字未能读取'),
  missingString: damage('共享字符串', '有单元格引用了不存在的文字，按空单元格读取'),
  notANumber: damage('工作表XML', '有数字单元格的内容不是数字，按文字读取'),
  cellXmlCut: damage('工作表XML', '有单元格的XML不完整（缺少结束标记），已按能读到的内容读取'),
  sheetRelation: (sheet: string) => damage('工作簿结构', `工作表“${sheet}”的关联信息有误，已按默认位置读取`),
  sheetMissing: (sheet: string) => damage('工作表XML', `工作表“${sheet}”的内容缺失或无法识别，未能检查这张表`),
  sheetCut: damage('工作表XML', '工作表内容不完整（文件被截断），只读取了保留下来的部分'),
};

const megabytes = (bytes: number) => `${Math.round(bytes / 1048576)} MB`;
const SAVE_AS_XLSX = '请在 Excel 或 WPS 中打开后“另存为”Excel 工作簿（.xlsx）再检查。';
const partDamaged = (part: FilePart, detail: string) =>
  `文件已损坏，无法读取（${part}：${detail}）。请用 Excel 或 WPS 打开修复后另存为 .xlsx，或向报送单位索取完好的文件。`;

/** Why a file cannot be read, checked or annotated, and what to do: the files host's refusals and the batch's reasons. */
export const fileMessages = {
  empty: () => '文件是空的（0 字节），里面没有工作簿。请向报送单位重新索取，或在 Excel 或 WPS 中重新保存后再检查。',
  encrypted: () => '工作簿设置了打开密码（已加密），无法检查。请在 Excel 或 WPS 中取消密码后另存为 .xlsx 再检查。',
  notSpreadsheet: () => `这不是电子表格文件（.xlsx、.xls、.et、.ods）。${SAVE_AS_XLSX}`,
  /** The formats a refusal names. */
  format: { xlsx: 'Excel 工作簿（.xlsx）', xls: 'Excel 97-2003（.xls）', et: 'WPS 表格（.et）', ods: 'OpenDocument 表格（.ods）' },
  formatDamaged: (format: string) => `这个${format}文件已损坏，无法读取。请在 Excel 或 WPS 中打开修复后另存为 .xlsx 再检查。`,
  zipDamaged: () => partDamaged('压缩包', '压缩数据不完整或已损坏'),
  noWorkbookPart: () => partDamaged('工作簿结构', '压缩包中缺少 workbook.xml'),
  noReadableSheet: () => partDamaged('工作表XML', '没有一张工作表能够读取'),
  noWorkbookInZip: () => `这不是 .xlsx 工作簿文件（压缩包中没有工作簿）。${SAVE_AS_XLSX}`,
  noSheetInZip: () => `这不是 .xlsx 工作簿文件（压缩包中没有工作表）。${SAVE_AS_XLSX}`,
  legacyUnreadable: (format: string) => `这个${format}文件已损坏或不是能识别的版本，无法读取。${SAVE_AS_XLSX}`,
  legacyNoSheets: (format: string) => `这个${format}文件已损坏或不是能识别的版本，无法读取（其中没有能读取的工作表）。${SAVE_AS_XLSX}`,
  odsZipDamaged: () => '文件已损坏，无法读取（压缩包：压缩数据不完整或已损坏）。请用 WPS 或 LibreOffice 打开修复后另存为 .xlsx 再检查。',
  odsNoContent: () => '文件已损坏，无法读取（工作表XML：.ods 压缩包中没有表格内容）。请用 WPS 或 LibreOffice 打开后另存为 .xlsx 再检查。',

  /** The limits of hosts/files/limits.ts: which limit, and what to do. */
  tooMuchInflated: (declaredBytes: number, limitBytes: number) =>
    `工作簿解压后有 ${megabytes(declaredBytes)}，超过了 ${megabytes(limitBytes)} 的上限（可能是损坏或恶意构造的压缩包）。请确认文件来源，在 Excel 或 WPS 中打开后另存为 .xlsx 再检查。`,
  tooManyCells: (limit: number) =>
    `工作簿中有数据的单元格超过 ${limit.toLocaleString('en-US')} 个的上限，不像是绩效自评工作簿。请删去与自评无关的明细表后再检查。`,
  tooManyMerged: (limit: number) =>
    `工作簿中合并单元格覆盖的范围超过 ${limit.toLocaleString('en-US')} 个单元格的上限（合并区域可能已损坏）。请在 Excel 或 WPS 中取消异常的合并后另存再检查。`,
  tooManySheets: (limit: number) => `工作簿有超过 ${limit} 张工作表的上限，不像是绩效自评工作簿。`,
  readTooLong: (seconds: number) => `读取这个工作簿超过了 ${seconds} 秒的上限（文件过大或结构异常），已停止。请删去无关的工作表后另存再检查。`,

  /** Why a batch lists a workbook it could not finish. */
  checkerStopped: () => '检查这个文件时检查程序异常退出（文件可能过大或结构异常），未能完成。请在 Excel 或 WPS 中打开后另存为 .xlsx 再检查。',
  checkFailed: () => '检查这个文件时发生内部错误，未能完成。请用 Excel 或 WPS 打开后另存为 .xlsx 再检查，或把该文件反馈给开发者。',
  checkTooLong: (seconds: number) =>
    `检查这个文件超过了 ${seconds} 秒的时限（文件过大或结构异常），已停止。请在 Excel 或 WPS 中打开后另存为 .xlsx 再检查。`,

  /** The annotated and the filled-in copies: why one could not be made. */
  noContentTypes: () => '工作簿缺少 [Content_Types].xml，不是完整的 .xlsx 文件。',
  noWorkbookXml: () => '工作簿缺少 xl/workbook.xml，不是完整的 .xlsx 文件。',
  noCellFormats: () => 'styles.xml 中缺少单元格格式，无法标色。',
  copyZipDamaged: () => '无法解开工作簿压缩包（压缩包已损坏），未能生成带标注的副本。',
  copyTooLarge: (limitBytes: number) => `工作簿解压后超过 ${limitBytes / 1048576} MB，未能生成带标注的副本。`,
  sheetPartMissing: (sheet: string) => `工作表“${sheet}”的内容缺失。`,
  sharedFormula: (address: string) => `单元格 ${address} 中的公式被其他单元格共用，自动填写会破坏这些公式。请在 Excel 或 WPS 中手工填写。`,

  /** The sheet the annotated copy adds, listing the findings. */
  resultSheet: () => '检查结果',
  resultHeader: () => ['序号', '严重程度', '代码', '工作表', '单元格', '说明'],
};

/** The batch summary (汇总.xlsx, 汇总.csv, 汇总.html): its names, columns, words and the page's sentences. */
export const summaryMessages = {
  /** 汇总.xlsx and its one sheet, 汇总.csv, 汇总.html. */
  name: () => '汇总',
  columns: {
    file: '文件',
    department: '单位',
    year: '年度',
    status: '状态',
    entered: '总分（填写）',
    computed: '总分（复核）',
    firstProblem: '首个问题',
  },
  status: { unreadable: '无法读取', errors: '有错误', warnings: '有警告', passed: '通过' },
  noProblem: () => '未发现问题',
  title: () => '绩效自评审核汇总',
  chart: () => '各类问题数量',
  noProblems: () => '没有发现问题。',
  byFile: () => '逐个文件',
  stats: (files: number, checked: number, withErrors: number) =>
    `共 ${files} 个文件：已检查 ${checked} 个（有错误 ${withErrors} 个），无法读取 ${files - checked} 个。`,
  generated: (when: string) => `（生成于 ${when}，本页不联网。）`,
};

/** What the Excel and WPS hosts say outside the pane. */
export const hostMessages = {
  noWorkbook: () => '当前没有打开的工作簿',
  wpsWithoutTaskPane: () => '此版本的 WPS 不支持加载项任务窗格，请升级到 WPS 表格 12.1 或更高版本。',
};

/** The PERF worksheet functions' refusals, shown by Excel and WPS as the #VALUE! tooltip. */
export const functionMessages = {
  missing: (what: string) => `缺少${what}。`,
  notNumber: (what: string, text: string) => `${what}“${text}”不是数字。`,
  noRuleText: () => '请给出评分标准的文字。',
  totalOutOfRange: (total: Dec) => `综合得分应在0至100分之间，而不是${show(total)}。`,
  /** The inputs named in those refusals, beside the indicators' own. */
  inputs: { points: '分值', total: '综合得分', amount: '金额' },
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
      再次运行时只检查有变化的工作簿；--force 全部重做。
      每个工作簿最多检查 60 秒、每个检查进程最多用 512 MB 内存，超出的列为无法读取；
      可用环境变量 PERF_CHECK_WORKBOOK_TIMEOUT_MS（毫秒）、PERF_CHECK_CHECKER_MEMORY_MB 调整。`,
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
  fileTally: (file: string, counts: Readonly<Record<Severity, number>>) =>
    `${file}：共 ${SEVERITY_LIST.reduce((n, s) => n + counts[s], 0)} 条，${messages.severityTally(counts, '条')}。`,
  internalError: () => '检查这个文件时发生内部错误，未能完成。请把该文件反馈给开发者。',
  optionWithoutValue: (option: string) => `选项“${option}”后面缺少取值。`,
  badJobs: (jobs: string) => `--jobs 应是正整数，而不是“${jobs}”。`,
  badLimit: (variable: string, value: string, min: number, max: number, unit: 'ms' | 'MB') =>
    `环境变量 ${variable} 应是 ${min} 到 ${max} 之间的整数（${unit === 'ms' ? '毫秒' : unit}），而不是“${value}”。`,
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
  /** The last resort when the command itself fails: never a stack trace. */
  crashed: () => 'perf-check 发生内部错误，未能完成。请把所用的命令和文件反馈给开发者。',
};

/**
 * The words of the templates, as data: a new synonym is a line here, not a parser change. Every entry is matched
 * against normalizeLabel() text (no spaces, half-width brackets, no quotes).
 */

/** Column roles of a 评分表 header. */
export type ScoreColumnRole = 'level1' | 'level2' | 'level3' | 'criterion' | 'points' | 'score' | 'reason';

export const SCORE_HEADER: ReadonlyArray<[ScoreColumnRole, RegExp]> = [
  ['level1', /^一级指标$/],
  ['level2', /^二级指标$/],
  ['level3', /^(三级指标|指标名称|具体指标|评价指标|指标)$/],
  ['criterion', /^(评分标准|指标评分细则|评分细则|评分办法|评分依据)$/],
  ['points', /^(分值|权重|权重分|标准分|指标分值|参考分值|分值\(分\)|指标权重\(分\))$/],
  // 湖北's 预算执行情况 block scores in a column headed 得分(20分*执行率): its points are in the heading.
  ['score', /^(自评得分|得分|实际得分|评价得分|评分|自评分|指标得分\(分\)|得分\(\d+(?:\.\d+)?分[*×xX]执行率\))$/],
  ['reason', /^(扣分原因|偏差原因|扣分原因和其他说明|扣分说明|偏差原因分析及改进措施|扣分原因及说明|未完成原因)/],
];

/**
 * The 年度资金总额 block of the national 自评表 and its provincial variants (四川's 预算执行情况(10分), 湖北's
 * 预算执行情况(20分)): the budget and the money spent, 执行率 = 执行数 ÷ 预算数, its score = 执行率 × 分值.
 */
export const FUND_BUDGET = /^(全年预算数|调整后预算数|调整预算数|预算数)(\([A-Z]\))?$/;
export const FUND_EXECUTED = /^(全年执行数|预算执行数|执行数)(\([A-Z]\))?$/;
export const FUND_RATE = /^(预算)?执行率(\([A-Z]\/[A-Z]\))?$/;
/** Money columns of the block, whose 年度资金总额 is the sum of the rows below it (其中:财政拨款, 上年结转, 其他资金). */
export const FUND_AMOUNT = /^(年初预算数?|全年预算数|调整后预算数|调整预算数|预算数|全年执行数|预算执行数|执行数)(\([A-Z]\))?$/;
/** Points declared in a block's heading: 得分(20分*执行率), 预算执行情况(万元)(20分). */
export const HEADING_POINTS = /\((\d+(?:\.\d+)?)分(?:[*×xX]执行率)?\)/;
/** Written in a 偏差原因 cell where nothing was said. */
export const NO_REASON = /^(0|\/|-|--|—|——|－|无)$/;

export const TOTAL_ROW = /^(总分|合计|总计|得分合计|分值合计|总得分)$/;

/** 绩效自评综合得分 on a 自评表 form, and its 评价等次. */
export const SUMMARY_LABEL = /^(绩效自评综合得分|自评综合得分|综合得分|综合评分|自评总分)$/;
export const GRADE_LABEL = /^(评价等次|评价等级|绩效等级|自评等级|评定等级|绩效评价等级)$/;

/** 优 ≥90, 良 80–89.99, 中 60–79.99, 差 <60; long forms accepted as written. */
export const GRADES: ReadonlyArray<{ grade: string; min: number; spellings: readonly string[] }> = [
  { grade: '优', min: 90, spellings: ['优', '优秀'] },
  { grade: '良', min: 80, spellings: ['良', '良好'] },
  { grade: '中', min: 60, spellings: ['中', '中等', '一般'] },
  { grade: '差', min: -Infinity, spellings: ['差', '较差'] },
];

/** Column-headed money tables of the 自评表 form (收入 / 支出 / 三公经费 / 固定资产 by 机构). */
export const UNIT_TABLE_HEADER = /^(机构名称|单位名称|单位)$/;
export const SUMMARY_UNIT_ROW = /(汇总|合计|总计)$/;
/** "1、机关", "2、出国经费"; a Chinese numeral (三、部门整体支出绩效自评情况) is a section title, never a row of a table. */
export const NUMBERED_ROW = /^\d+[、.．)]/;
export const QIZHONG = /^其中[:：]?/;
export const OTHER_PART = /^其他$/;

/**
 * Totals whose parts are exhaustive by definition: the sum must equal the total. Any other 其中 breakdown is
 * partial (公用经费：其中：办公经费…) and may only sum to less than its total.
 */
export const EXHAUSTIVE_TOTALS: readonly RegExp[] = [
  /^收入合计$/,
  /^支出合计$/,
  /^基本支出$/,
  /^三公经费(合计)?$/,
  /^固定资产(合计)?$/,
  /^公务用车购置和(运行)?维护(经费|费)?$/,
  /^项目支出$/,
];

/** Top-level rows of the 基础数据表: each starts a new group, never a member of the 其中 list above it. */
export const BASE_DATA_TOP_ROWS: readonly RegExp[] = [
  /^三公经费$/,
  /^项目支出$/,
  /^公用经费$/,
  /^政府采购金额$/,
  /^部门基本支出预算调整$/,
  /^(基本支出|人员经费|人员支出)$/,
];

/** Section rows that end a 基础数据表 block. */
export const BASE_DATA_END = /^(楼堂馆所|厉行节约|财政供养人员|说明)/;

/** Figures elsewhere in the workbook that indicator rules take as inputs: a label, its number right of it or below. */
export const FACT_LABELS = {
  staffQuota: /^(人员编制|编制数|编制人数|核定编制数?)$/,
  staffActual: /^(实有人数|在职人数|实际在职人数|在职人员数|\d{4}年实际在职人数)$/,
  assetsTotal: /^(固定资产合计|固定资产总额)$/,
  assetsInUse: /^(在用固定资产|实际在用固定资产)$/,
  balanceYear: /^当年结余$/,
  balanceCumulative: /^累计结余$/,
  carryOver: /^上年结转$/,
} as const;

/** Rows of a 基础数据表 with a figure per year column (决算 and 预算): this year's, last year's, this year's budget. */
export const YEAR_FACT_LABELS = {
  threePublic: /^三公经费$/,
  procurement: /^政府采购金额$/,
} as const;

/** Column headings of the 基础数据表's years: "2022年决算数", "2023年预算数". */
export const YEAR_COLUMN = /^(\d{4})年(决算|预算)数?$/;

/** Where a form names the department: the value stands right of it. */
export const DEPARTMENT_LABEL = /^(预算单位名称|填报单位|单位名称|部门名称|部门\(单位\)名称)$/;

export function matchesAny(text: string, patterns: readonly RegExp[]): boolean {
  return patterns.some((p) => p.test(text));
}

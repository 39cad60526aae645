/**
 * How far the detectors look: windows that keep a scan of a large sheet linear and off unrelated text. Each is the
 * smallest the seeds and templates need, with room for a clerk's extra row or column.
 */

/** The label column of a form's tables (机构名称, 三公经费) is among the first columns; further right is data. */
export const LABEL_COLUMNS = 8;
/** Empty label cells in a row that end a 基础数据表 block. */
export const BASE_DATA_BLANK_ROWS = 2;
/** Rows the multi-row header of a unit table (机构名称 | 收入合计 | 其中：…) may span. */
export const UNIT_HEADER_ROWS = 4;
/** Rows under a 年度资金总额 row that break it down (其中：当年财政拨款, 上年结转资金, 其他资金, 财政专户管理资金…). */
export const FUND_PART_ROWS = 8;

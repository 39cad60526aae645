/**
 * The PERF worksheet functions as WPS 表格 takes them: registered one by one with wps.AddCustomFunction(namespace,
 * name, fn) — as the code wpsjs's functionsScanner generates does — and described in a functions.json of the
 * scanner's format (functions-json.mjs).
 */

/**
 * What WPS passes for an optional argument the formula leaves out: the COM "parameter not found" error
 * (DISP_E_PARAMNOTFOUND, 0x80020004) as a signed number, not undefined.
 */
export const WPS_MISSING = -2147352572;

export type WorksheetFunction = (...args: any[]) => unknown;

/** A function as WPS calls it: an omitted argument is passed on as missing, never as the number −2147352572. */
export function forWps(fn: WorksheetFunction): WorksheetFunction {
  return (...args: unknown[]) => fn(...args.map((a) => (a === WPS_MISSING ? undefined : a)));
}

export interface WpsFunctionApi {
  AddCustomFunction?: (namespace: string, name: string, fn: WorksheetFunction) => unknown;
}

/**
 * Registers each function under its Excel name (PERF.RUBRIC_SCORE…) where the running WPS has custom functions;
 * returns the names registered (none on a WPS too old for them).
 */
export function registerFunctions(api: WpsFunctionApi, namespace: string, functions: Record<string, WorksheetFunction>): string[] {
  if (typeof api.AddCustomFunction !== 'function') return [];
  return Object.entries(functions).map(([name, fn]) => {
    api.AddCustomFunction!(namespace, name, forWps(fn));
    return `${namespace}.${name}`;
  });
}

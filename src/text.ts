/** Label normalisation: the same indicator is written with spaces, newlines, full-width brackets and quotes. */

const QUOTES = /[“”"‘’'「」『』]/g;
const SPACES = /[\s\u3000\u00a0]+/g;

/** NFKC folds full-width letters, digits and brackets (（５０分） → (50分)); then spaces and quotes go. */
export function normalizeLabel(text: string): string {
  return text.normalize('NFKC').replace(SPACES, '').replace(QUOTES, '');
}

export interface IndicatorLabel {
  /** The name without code and points: "部门中长期规划目标的明确性与合理性". */
  name: string;
  /** A Kunming-style code: "A11", "C2". */
  code?: string;
  /** Points declared inside the label: "(2分)" → "2". */
  points?: string;
}

const POINTS_IN_LABEL = /[(\[]\s*(\d+(?:\.\d+)?)\s*分\s*[)\]]/;
const LEADING_CODE = /^([A-Z]\d*)(?=[^\dA-Za-z])/;

/** Splits "A11部门中长期规划目标的明确性与合理性(2分)" or "投  入\n（15分）" into code, name and points. */
export function parseIndicatorLabel(text: string): IndicatorLabel {
  const flat = normalizeLabel(text);
  const points = POINTS_IN_LABEL.exec(flat);
  let name = points ? flat.replace(points[0], '') : flat;
  const code = LEADING_CODE.exec(name);
  if (code) name = name.slice(code[1].length);
  return {
    name,
    ...(code ? { code: code[1] } : {}),
    ...(points ? { points: points[1] } : {}),
  };
}

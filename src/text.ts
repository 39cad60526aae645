/** Label normalisation: the same indicator is written with spaces, newlines, full-width brackets and quotes. */

const QUOTES = /[“”"‘’'「」『』]/g;
const SPACES = /[\s\u3000\u00a0]+/g;

const FULL_WIDTH = /[\uff01-\uff5e]/g;
/** Characters only NFKC folds: circled numbers, Kangxi radicals of PDF copies (⽤ for 用), CJK compatibility forms. */
const NEEDS_NFKC = /[\u2150-\u218f\u2460-\u24ff\u2e80-\u2fdf\u3200-\u33ff\uf900-\ufaff\ufe30-\ufe4f]/;

/**
 * Folds full-width letters, digits and brackets (（５０分） → (50分)) as NFKC does, then drops spaces and quotes.
 * Full-width ASCII is shifted directly; the costly NFKC runs only for the rarer characters that need it.
 */
export function normalizeLabel(text: string): string {
  let folded = text.replace(FULL_WIDTH, (ch) => String.fromCharCode(ch.charCodeAt(0) - 0xfee0));
  if (NEEDS_NFKC.test(folded)) folded = folded.normalize('NFKC');
  return folded.replace(SPACES, '').replace(QUOTES, '');
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
  return splitIndicatorLabel(normalizeLabel(text));
}

/** parseIndicatorLabel for a label already normalised (Sheet.label). */
export function splitIndicatorLabel(flat: string): IndicatorLabel {
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

/** Label normalisation: the same indicator is written with spaces, newlines, full-width brackets and quotes. */

const QUOTES = /[“”"‘’'「」『』]/g;
const SPACES = /[\s\u3000\u00a0]+/g;

/** Characters only NFKC folds: circled numbers, Kangxi radicals of PDF copies (⽤ for 用), CJK compatibility forms. */
const NEEDS_NFKC = /[\u2150-\u218f\u2460-\u24ff\u2e80-\u2fdf\u3200-\u33ff\uf900-\ufaff\ufe30-\ufe4f]/;
const DROPPED = new Set([...' \t\n\r\v\f\u3000\u00a0“”"‘’\'「」『』'].map((ch) => ch.charCodeAt(0)));

/**
 * Folds full-width letters, digits and brackets (（５０分） → (50分)) as NFKC does, and drops spaces and quotes, in
 * one pass over the text; the costly NFKC runs only for the rarer characters that need it.
 */
export function normalizeLabel(text: string): string {
  if (NEEDS_NFKC.test(text)) return text.normalize('NFKC').replace(SPACES, '').replace(QUOTES, '');
  let out = '';
  for (let i = 0; i < text.length; i++) {
    const raw = text.charCodeAt(i);
    const code = raw >= 0xff01 && raw <= 0xff5e ? raw - 0xfee0 : raw;
    if (!DROPPED.has(code)) out += code === raw ? text[i] : String.fromCharCode(code);
  }
  return out;
}

export interface IndicatorLabel {
  /** The name without code and points: "部门中长期规划目标的明确性与合理性". */
  name: string;
  /** A Kunming-style code: "A11", "C2". */
  code?: string;
  /** Points declared inside the label: "(2分)" → "2". */
  points?: string;
}

const POINTS_IN_LABEL = /[([]\s*(\d+(?:\.\d+)?)\s*分\s*[)\]]/;
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

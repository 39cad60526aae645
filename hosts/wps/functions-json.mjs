// Build-time (webpack.config.js) and test code: WPS's functions.json entry of one PERF function.

/** The scanner's type names: boolean is "bool", a 2-D range "number[][]". */
function wpsType(type, dimensionality) {
  const base = type === 'boolean' ? 'bool' : (type ?? 'any');
  return dimensionality === 'matrix' ? `${base}[][]` : base;
}

/**
 * One function of Office's metadata (custom-functions-metadata) as wpsjs's functionsScanner writes it: name,
 * parameters (an optional one's type ends in "?"), description, result — and no field WPS does not read.
 */
export function wpsFunctionInfo(f) {
  return {
    name: f.id,
    parameters: f.parameters.map((p) => ({
      name: p.name,
      description: p.description ?? '',
      type: wpsType(p.type, p.dimensionality) + (p.optional ? '?' : ''),
    })),
    description: f.description ?? '',
    result: { type: wpsType(f.result?.type, f.result?.dimensionality) },
  };
}

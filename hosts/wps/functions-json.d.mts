/** One entry of WPS's functions.json, field for field as wpsjs's functionsScanner writes it. */
export interface WpsFunctionInfo {
  name: string;
  parameters: { name: string; description: string; type: string }[];
  description: string;
  result: { type: string };
}

/** Office's metadata (custom-functions-metadata) of one function. */
export interface OfficeFunctionInfo {
  id: string;
  description?: string;
  parameters: { name: string; description?: string; type?: string; dimensionality?: string; optional?: boolean }[];
  result?: { type?: string; dimensionality?: string };
}

export function wpsFunctionInfo(f: OfficeFunctionInfo): WpsFunctionInfo;

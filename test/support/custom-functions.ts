/** Excel's CustomFunctions.Error, as the PERF functions throw it (WPS's start-up page defines the same shape). */
export class FunctionError extends Error {
  constructor(
    readonly code: string,
    message?: string,
  ) {
    super(message);
  }
}

/** Expected refusals of the store, with a stable code the server maps to an HTTP status. */
export const STORE_ERROR_CODES = ['not-found', 'forbidden', 'conflict', 'invalid'] as const;
export type StoreErrorCode = (typeof STORE_ERROR_CODES)[number];

export interface FieldProblem {
  readonly path: string;
  readonly message: string;
}

export class StoreError extends Error {
  constructor(
    readonly code: StoreErrorCode,
    message: string,
    readonly fields: readonly FieldProblem[] = [],
    /** More for the caller under a name of its own, e.g. `wijziging` of a stale write (ADR 0028). */
    readonly details: Readonly<Record<string, unknown>> = {},
  ) {
    super(message);
    this.name = 'StoreError';
  }
}

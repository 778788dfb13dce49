/**
 * API errors: one type, stable codes, and a mapping to HTTP status and messages that the
 * compiler checks for completeness. Bodies: `{ error: { code, message, messageEn, fields? } }`.
 */
export const API_ERROR_CODES = [
  'bad-request',
  'unauthenticated',
  'forbidden',
  'not-found',
  'conflict',
  'unprocessable',
  'too-large',
  'locked',
  'too-many-requests',
  'unavailable',
  'internal',
] as const;
export type ApiErrorCode = (typeof API_ERROR_CODES)[number];

export interface ApiField {
  readonly path: string;
  readonly message: string;
}

const MAPPING: Record<ApiErrorCode, { status: number; nl: string; en: string }> = {
  'bad-request': { status: 400, nl: 'De invoer klopt niet.', en: 'The input is invalid.' },
  unauthenticated: { status: 401, nl: 'Log eerst in.', en: 'Please log in first.' },
  forbidden: { status: 403, nl: 'Dit mag u niet doen.', en: 'You may not do this.' },
  'not-found': { status: 404, nl: 'Niet gevonden.', en: 'Not found.' },
  conflict: { status: 409, nl: 'Dit bestaat al.', en: 'This already exists.' },
  unprocessable: {
    status: 422,
    nl: 'Dit kan zo niet worden vastgelegd.',
    en: 'This cannot be recorded as given.',
  },
  'too-large': {
    status: 413,
    nl: 'De invoer is te groot.',
    en: 'The input is too large.',
  },
  locked: {
    status: 429,
    nl: 'Te veel mislukte pogingen; probeer het later opnieuw.',
    en: 'Too many failed attempts; try again later.',
  },
  'too-many-requests': {
    status: 429,
    nl: 'Te veel verzoeken in korte tijd; probeer het straks opnieuw.',
    en: 'Too many requests in a short time; try again shortly.',
  },
  unavailable: {
    status: 503,
    nl: 'Dit kan nu niet; probeer het later opnieuw.',
    en: 'This is not available now; try again later.',
  },
  internal: {
    status: 500,
    nl: 'Er ging iets mis aan onze kant.',
    en: 'Something went wrong on our side.',
  },
};

export class ApiError extends Error {
  constructor(
    readonly code: ApiErrorCode,
    message?: string,
    readonly fields: readonly ApiField[] = [],
    /** Extra members of the error body, e.g. `wijziging` of a stale write (ADR 0028). */
    readonly details: Readonly<Record<string, unknown>> = {},
  ) {
    super(message ?? MAPPING[code].nl);
    this.name = 'ApiError';
  }

  get status(): number {
    return MAPPING[this.code].status;
  }

  body(requestId?: string): object {
    return {
      error: {
        code: this.code,
        message: this.message,
        messageEn: MAPPING[this.code].en,
        ...(this.fields.length > 0 ? { fields: this.fields } : {}),
        ...this.details,
        ...(requestId ? { requestId } : {}),
      },
    };
  }
}

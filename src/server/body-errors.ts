/**
 * Refusals of the store and of the exchange flows as API errors, their field paths naming the
 * request body (`body.producten.0.volume`), as the Dutch error summary in the UI expects.
 */
import { FlowError } from '../ijw/flow-error.js';
import { StoreError } from '../store/errors.js';
import { ApiError } from './errors.js';

const inBody = (fields: readonly { path: string; message: string }[]) =>
  fields.map((f) => ({ path: `body.${f.path}`, message: f.message }));

/** Use as `.catch(asBodyError)`: rethrows anything else unchanged. */
export function asBodyError(error: unknown): never {
  if (error instanceof FlowError)
    throw new ApiError(error.status, error.message, inBody(error.fields));
  if (error instanceof StoreError)
    throw new ApiError(
      error.code === 'invalid' ? 'bad-request' : error.code,
      error.message,
      inBody(error.fields),
      error.details,
    );
  throw error;
}

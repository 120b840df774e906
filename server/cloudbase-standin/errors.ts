/**
 * The error answers of the stand-in, in CloudBase's shape `{code, message}`: node-sdk throws them as a TcbError
 * with that `.code`. Codes are the documented ones (docs.cloudbase.net/error-code/…).
 */
export type StandinErrorCode =
  | 'DATABASE_DUPLICATE_WRITE'
  | 'DATABASE_TRANSACTION_CONFLICT'
  | 'DATABASE_TRANSACTION_FAIL'
  | 'RequestLimitExceeded'
  | 'INVALID_PARAM'
  | 'INVALID_ACTION'
  | 'SIGN_PARAM_INVALID';

export class StandinError extends Error {
  constructor(
    readonly code: StandinErrorCode,
    message: string,
  ) {
    super(message);
  }
}

export const duplicate = (collection: string, what: string) =>
  new StandinError('DATABASE_DUPLICATE_WRITE', `duplicate key in ${collection}: ${what}`);

export const conflict = (collection: string, id: string) =>
  new StandinError(
    'DATABASE_TRANSACTION_CONFLICT',
    `[ResourceUnavailable.TransactionConflict] write conflict on ${collection}/${id}`,
  );

export const invalid = (message: string) => new StandinError('INVALID_PARAM', message);

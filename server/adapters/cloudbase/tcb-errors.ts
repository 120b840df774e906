/**
 * CloudBase's answers are recognised by their documented `.code` (node-sdk throws a TcbError carrying it),
 * never by the wording of the message.
 */
function codeOf(error: unknown): unknown {
  return error !== null && typeof error === 'object' ? (error as { code?: unknown }).code : undefined;
}

export const isDuplicateWrite = (error: unknown) => codeOf(error) === 'DATABASE_DUPLICATE_WRITE';

export const isTransactionConflict = (error: unknown) => codeOf(error) === 'DATABASE_TRANSACTION_CONFLICT';

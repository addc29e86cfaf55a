/**
 * Store-level failures the API turns into user-facing errors. The store knows nothing of
 * GraphQL; `field` names the input that is wrong, as a path.
 */
export class StoreInputError extends Error {
  constructor(
    readonly field: Array<string | number>,
    message: string,
    readonly kind: 'invalid' | 'conflict' | 'not_found' = 'invalid',
    /** Extra facts for the client, e.g. the current version after a conflict. */
    readonly details: Record<string, unknown> = {},
  ) {
    super(message);
    this.name = 'StoreInputError';
  }
}

/** Why a card shows its error state instead of a profile. */
export type ErrorKind = 'invalid-id' | 'not-found' | 'network' | 'invalid-profile';

/** A profile that cannot be shown; `message` is for developers and names the problem. */
export class LoadError extends Error {
  constructor(
    readonly kind: ErrorKind,
    message: string,
  ) {
    super(message);
  }
}

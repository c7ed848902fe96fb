/** A refused control or FAPI call; the HTTP layers answer it with `status` and a Clerk-shaped error body. */
export class EmulatorError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
    this.name = 'EmulatorError';
  }
}

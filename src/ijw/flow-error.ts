/** Why a back-office action on the exchange cannot go ahead, with the fields concerned. */
export class FlowError extends Error {
  constructor(
    message: string,
    readonly fields: readonly { path: string; message: string }[] = [],
    readonly status: 'not-found' | 'conflict' | 'unprocessable' = 'unprocessable',
  ) {
    super(message);
  }
}

/** Every line the widget prints carries this prefix so a publisher can tell our noise from theirs. */
const PREFIX = '[backstory]';

export function warn(message: string): void {
  console.warn(`${PREFIX} ${message}`);
}

/**
 * Runs a callback the host page or the browser calls us from. A bug of ours must never surface as an
 * exception in the publisher's page, so it is reported once here and swallowed.
 */
export function guard<T>(fn: () => T): T | undefined {
  try {
    return fn();
  } catch (error) {
    console.error(`${PREFIX} unexpected error`, error);
    return undefined;
  }
}

/**
 * Nothing Dramatis does may throw into the page: every listener and callback runs through `guarded`, which
 * keeps an error inside the content script (logged at debug level, where a developer can find it).
 */
export function guarded<A extends unknown[]>(fn: (...args: A) => void): (...args: A) => void {
  return (...args: A) => {
    try {
      fn(...args);
    } catch (err) {
      console.debug('Dramatis:', err);
    }
  };
}

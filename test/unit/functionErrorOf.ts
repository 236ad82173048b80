/** The error a custom function throws when called directly (fails the test when it returns instead). */
export function errorOf(fn: () => unknown): { code: string; message: string } {
  let caught: unknown;
  try {
    fn();
  } catch (e) {
    caught = e;
  }
  expect(caught).toBeDefined();
  return caught as { code: string; message: string };
}

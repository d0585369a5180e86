/** The error `read` throws; fails the test when it throws nothing. */
export function errorOf(read: () => unknown): unknown {
  try {
    read()
  } catch (error) {
    return error
  }
  throw new Error('expected an error')
}

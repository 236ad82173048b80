/** Browser tests global teardown (stub). */
export default async function globalTeardown(): Promise<void> {}

/** Browser tests global setup (stub, replaced by the preview build + server). */
export default async function globalSetup(): Promise<void> {}

/** Stops the preview server started by globalSetup.ts. */
import type { ChildProcess } from "node:child_process";

export default async function globalTeardown(): Promise<void> {
  const server = (globalThis as { __LIAT_PREVIEW_SERVER__?: ChildProcess }).__LIAT_PREVIEW_SERVER__;
  if (server && server.exitCode === null) {
    const exited = new Promise((resolve) => server.once("exit", resolve));
    server.kill("SIGTERM");
    await exited;
  }
}

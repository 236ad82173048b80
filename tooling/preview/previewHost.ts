/**
 * preview-host.js: the in-memory host for a task pane opened on its own in the preview build. office-shim.js loads
 * it with a script tag at the first Excel.run (a page of its own, the shim, would otherwise carry the formula
 * engine from the start); it is an entry of its own, without chunks, so its webpack runtime never meets the
 * pane's.
 */
import { createHost } from "../excel-host/createHost";

export interface PreviewHostGlobal {
  __LIAT_CREATE_HOST__?: typeof createHost;
}

(window as PreviewHostGlobal).__LIAT_CREATE_HOST__ = createHost;

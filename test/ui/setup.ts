/**
 * Testing Library waits (findBy…, waitFor) give up after 1 s by default. A loaded CI machine can
 * take longer to load a lazy view or the workbook reader, which would fail a test that is right:
 * wait up to 10 s. A test that is wrong still fails, only later.
 */
import { TextDecoder as NodeTextDecoder } from "node:util";
import { configure } from "@testing-library/react";

configure({ asyncUtilTimeout: 10_000 });

// jsdom lacks TextDecoder, which every browser the pane runs in has (the workbook reader decodes
// each part with it): Node's own stands in.
(globalThis as { TextDecoder?: unknown }).TextDecoder ??= NodeTextDecoder;

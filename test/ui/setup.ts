/**
 * Testing Library waits (findBy…, waitFor) give up after 1 s by default. A loaded CI machine can
 * take longer to load a lazy view or the workbook reader, which would fail a test that is right:
 * wait up to 10 s. A test that is wrong still fails, only later.
 */
import { configure } from "@testing-library/react";

configure({ asyncUtilTimeout: 10_000 });

/** Every text in en, by namespace (one JSON file each in this folder). */
import catalogue from "./catalogue.json";
import cli from "./cli.json";
import consolidation from "./consolidation.json";
import errors from "./errors.json";
import functions from "./functions.json";
import language from "./language.json";
import messages from "./messages.json";
import pane from "./pane.json";
import preview from "./preview.json";
import selfTest from "./selfTest.json";
import unreadable from "./unreadable.json";
import workbook from "./workbook.json";

export const en = {
  catalogue,
  cli,
  consolidation,
  errors,
  functions,
  language,
  messages,
  pane,
  preview,
  selfTest,
  unreadable,
  workbook,
};

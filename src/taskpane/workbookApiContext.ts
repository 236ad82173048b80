/** React context that hands the WorkbookApi to the views. */
import { createContext, useContext } from "react";
import type { WorkbookApi } from "./workbookApi";

export const WorkbookApiContext = createContext<WorkbookApi | null>(null);

export function useWorkbookApi(): WorkbookApi {
  const api = useContext(WorkbookApiContext);
  if (api === null) throw new Error("useWorkbookApi: no WorkbookApiContext provider above this component");
  return api;
}

import { createContext, useContext } from "react";
import type { LegalRegistryEntry } from "../../engine/rules/legal/types.js";
import type { DocumentHost } from "../host.js";
import type { Strings } from "../strings/index.js";
import type { TemplateLibrary } from "../templates/library.js";

export interface PaneContextValue {
  host: DocumentHost;
  t: Strings;
  templates?: TemplateLibrary;
  registry?: readonly LegalRegistryEntry[];
}

export const PaneContext = createContext<PaneContextValue | undefined>(undefined);

export function usePane(): PaneContextValue {
  const value = useContext(PaneContext);
  if (!value) throw new Error("usePane() outside <PaneContext.Provider>");
  return value;
}

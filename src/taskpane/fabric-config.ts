/**
 * Must be the first import of the bundle. Fluent UI registers the Segoe UI web fonts from
 * Microsoft's CDN on load unless FabricConfig.fontBaseUrl is empty; Klarbrev loads nothing
 * remote, so the pane uses the system's fonts (Segoe UI is there on Windows and in Office).
 */
const scope = globalThis as { FabricConfig?: Record<string, unknown> };
scope.FabricConfig = { ...scope.FabricConfig, fontBaseUrl: "" };

export {};

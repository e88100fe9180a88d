/** The virtual module build.ts provides: the template library as data, made at build time. */
declare module "klarbrev:template-data" {
  import type { BundledTemplateData } from "./bind.js";
  const data: BundledTemplateData;
  export default data;
}

/** Handlebars templates precompiled by build.ts (see handlebars-specs.ts). */
declare module "klarbrev:handlebars-precompiled" {
  const specs: Record<string, unknown>;
  export default specs;
}

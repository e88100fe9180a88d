import { existsSync, readFileSync, statSync } from "node:fs";
import { extname, join, normalize, resolve, sep } from "node:path";
import { fileURLToPath } from "node:url";

/**
 * The add-in's web site: which URL paths map to which files. The dev server serves it over
 * HTTPS; `site-export` copies the same files for static hosting. One table, so both agree.
 */

/** Office.js from Microsoft's CDN is the only remote resource the pages may load. */
export const OFFICE_JS_CDN = "https://appsforoffice.microsoft.com";

export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  `script-src 'self' ${OFFICE_JS_CDN}`,
  "style-src 'self'",
  "img-src 'self' data:",
  "connect-src 'self'",
  "font-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
].join("; ");

export const MIME_TYPES: Readonly<Record<string, string>> = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".mjs": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".json": "application/json; charset=utf-8",
  ".map": "application/json; charset=utf-8",
  ".xml": "application/xml; charset=utf-8",
  ".png": "image/png",
  ".svg": "image/svg+xml",
  ".ico": "image/x-icon",
  ".woff2": "font/woff2",
};

export interface Mount {
  /** URL path prefix ("/assets/") or exact path ("/manifest.xml"). */
  url: string;
  /** Directory or file, relative to the repository root. */
  path: string;
  /** Part of the static site IT hosts (dist/ is only served in development until the UI ships). */
  hosted: boolean;
  /** File types served from it (the icon generator next to the icons is not). */
  extensions: readonly string[];
  /** Only these file names (a folder that also holds build output that is not for the web). */
  files?: readonly string[];
}

const PAGE_EXTENSIONS = [".html", ".js", ".css", ".png", ".svg", ".ico"];

/** The placeholder site: the minimal task pane page in src/devserver/static. */
/** Where the task pane build (npm run build:taskpane) writes the real UI... */
export const BUILT_TASKPANE = "dist/taskpane";
/** ...next to tsc's output of src/taskpane (build.js, host.js...), which is not for the web. */
export const BUILT_TASKPANE_FILES = [
  "taskpane.html",
  "taskpane.js",
  "taskpane.css",
  "preview.html",
  "analysis-worker.js",
  "analysis-engine.js",
  "prestart.js",
];

export const PLACEHOLDER_MOUNTS: readonly Mount[] = [
  { url: "/manifest.xml", path: "manifest.xml", hosted: false, extensions: [".xml"] },
  { url: "/assets/", path: "src/addin-assets", hosted: true, extensions: [".png", ".svg", ".ico"] },
  {
    // Development only, and an allow-list: the task pane bundle, never tsc's Node-side output
    // (dist/cli, dist/engine...), source maps or anything else a build leaves in dist/.
    url: "/dist/",
    path: "dist",
    hosted: false,
    extensions: [".js", ".css", ".html"],
    files: BUILT_TASKPANE_FILES.map((name) => `taskpane/${name}`),
  },
  { url: "/", path: "src/devserver/static", hosted: true, extensions: PAGE_EXTENSIONS },
];

/**
 * The site to serve: the built task pane when it exists (its files win over the placeholder's;
 * support.html still comes from the placeholder folder), otherwise the placeholder.
 */
export function siteMounts(root: string): readonly Mount[] {
  if (!existsSync(resolve(root, BUILT_TASKPANE, "taskpane.html"))) return PLACEHOLDER_MOUNTS;
  const built: Mount = {
    url: "/",
    path: BUILT_TASKPANE,
    hosted: true,
    extensions: PAGE_EXTENSIONS,
    files: BUILT_TASKPANE_FILES,
  };
  return [...PLACEHOLDER_MOUNTS.slice(0, -1), built, PLACEHOLDER_MOUNTS.at(-1)!];
}

/** The repository root (two levels up from src/devserver or dist/devserver). */
export function repositoryRoot(): string {
  return fileURLToPath(new URL("../../", import.meta.url));
}

/**
 * The file for a URL path, or undefined: only known types, no hidden files, nothing outside
 * the mounted folders (".." and encoded tricks are rejected before the file system is asked).
 */
export function resolveRequest(
  root: string,
  urlPath: string,
  mounts: readonly Mount[] = siteMounts(root)
): string | undefined {
  let path: string;
  try {
    path = decodeURIComponent(urlPath.split("?")[0]!.split("#")[0]!);
  } catch {
    return undefined;
  }
  if (path === "/") path = "/taskpane.html";
  if (path.includes("\0") || path.includes("\\") || !path.startsWith("/")) return undefined;
  const segments = path.split("/").slice(1);
  if (segments.some((segment) => segment === ".." || segment === "." || segment.startsWith(".")))
    return undefined;
  if (!MIME_TYPES[extname(path).toLowerCase()]) return undefined;

  const extension = extname(path).toLowerCase();
  for (const mount of mounts) {
    const base = resolve(root, mount.path);
    let file: string;
    if (mount.url.endsWith("/")) {
      if (!path.startsWith(mount.url)) continue;
      file = resolve(base, normalize(path.slice(mount.url.length)));
      if (!file.startsWith(base + sep)) return undefined;
    } else {
      if (path !== mount.url) continue;
      file = base;
    }
    if (!mount.extensions.includes(extension)) continue;
    if (mount.files && !mount.files.includes(path.slice(mount.url.length))) continue;
    // Not here: a later mount for the same path may have it (built task pane, then placeholder).
    if (existsSync(file) && statSync(file).isFile()) return file;
  }
  return undefined;
}

export function contentType(file: string): string {
  return MIME_TYPES[extname(file).toLowerCase()] ?? "application/octet-stream";
}

/**
 * The Content-Security-Policy for a file: an HTML page's own meta policy (so header and meta
 * never disagree: browsers enforce both), otherwise the strict default.
 */
export function policyFor(file: string): string {
  if (extname(file).toLowerCase() !== ".html") return CONTENT_SECURITY_POLICY;
  const meta = /http-equiv="Content-Security-Policy"\s+content="([^"]+)"/iu.exec(
    readFileSync(file, "utf8")
  );
  return meta?.[1] ?? CONTENT_SECURITY_POLICY;
}

/** The remote sources a policy allows: everything but keywords, hashes, nonces, data: and blob:. */
export function remoteSources(policy: string): string[] {
  const sources = policy
    .split(";")
    .flatMap((directive) => directive.trim().split(/\s+/u).slice(1))
    .filter(
      (source) => source && !source.startsWith("'") && source !== "data:" && source !== "blob:"
    );
  return [...new Set(sources)];
}

/** Every hosted file, with the URL path it is served at (for the export). */
export function hostedFiles(
  root: string,
  list: (dir: string) => string[],
  mounts: readonly Mount[] = siteMounts(root)
): { url: string; file: string }[] {
  const files: { url: string; file: string }[] = [];
  const seen = new Set<string>();
  for (const mount of mounts.filter((candidate) => candidate.hosted)) {
    const base = resolve(root, mount.path);
    for (const file of list(base)) {
      const relativePath = file
        .slice(base.length + 1)
        .split(sep)
        .join("/");
      const url = `${mount.url}${relativePath}`;
      // The first mount serving a URL wins (the built task pane over the placeholder).
      if (!seen.has(url) && resolveRequest(root, url, mounts) === file) {
        seen.add(url);
        files.push({ url, file: join(file) });
      }
    }
  }
  return files;
}

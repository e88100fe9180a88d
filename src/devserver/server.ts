import { createReadStream, readFileSync } from "node:fs";
import { createServer, type Server } from "node:https";
import type { AddressInfo } from "node:net";
import {
  CONTENT_SECURITY_POLICY,
  contentType,
  policyFor,
  resolveRequest,
  siteMounts,
  type Mount,
} from "./site.js";

export interface DevServerOptions {
  root: string;
  key: string;
  cert: string;
  port?: number;
  /** Loopback only by default: the add-in is for this machine. */
  host?: string;
  /** What to serve; default: the built task pane if present, else the placeholder. */
  mounts?: readonly Mount[];
  /**
   * The first device check (`npm run word:smoke`): the task pane page is served marked for it,
   * so the pane runs the scenarios instead of the UI.
   */
  smoke?: boolean;
}

export interface DevServer {
  url: string;
  port: number;
  close(): Promise<void>;
}

/** Sent with every response; a page gets its own meta policy instead (see policyFor). */
const SECURITY_HEADERS: Readonly<Record<string, string>> = {
  "Content-Security-Policy": CONTENT_SECURITY_POLICY,
  "X-Content-Type-Options": "nosniff",
  "Referrer-Policy": "no-referrer",
  "Cache-Control": "no-store",
};

/** A static HTTPS server for the add-in site (GET and HEAD only). */
export async function startDevServer(options: DevServerOptions): Promise<DevServer> {
  const mounts = options.mounts ?? siteMounts(options.root);
  const server: Server = createServer(
    { key: options.key, cert: options.cert },
    (request, response) => {
      for (const [name, value] of Object.entries(SECURITY_HEADERS)) response.setHeader(name, value);
      if (request.method !== "GET" && request.method !== "HEAD") {
        response.writeHead(405, {
          Allow: "GET, HEAD",
          "Content-Type": "text/plain; charset=utf-8",
        });
        response.end("Method not allowed\n");
        return;
      }
      const file = resolveRequest(options.root, request.url ?? "/", mounts);
      if (!file) {
        response.writeHead(404, { "Content-Type": "text/plain; charset=utf-8" });
        response.end("Not found\n");
        return;
      }
      response.writeHead(200, {
        "Content-Type": contentType(file),
        "Content-Security-Policy": policyFor(file),
      });
      if (request.method === "HEAD") {
        response.end();
        return;
      }
      if (options.smoke && file.endsWith("taskpane.html")) {
        // Smoke mode: the same page, marked so the pane runs the scenarios instead of the UI.
        const html = readFileSync(file, "utf8").replace(
          /<html\b/u,
          '<html data-klarbrev-mode="smoke"'
        );
        response.end(html);
        return;
      }
      createReadStream(file)
        .on("error", () => response.destroy())
        .pipe(response);
    }
  );
  const host = options.host ?? "127.0.0.1";
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port ?? 3000, host, () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `https://localhost:${port}`,
    port,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeAllConnections();
      }),
  };
}

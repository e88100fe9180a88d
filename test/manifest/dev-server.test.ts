import { X509Certificate } from "node:crypto";
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from "node:fs";
import type { IncomingHttpHeaders } from "node:http";
import { request } from "node:https";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { runInNewContext } from "node:vm";
import { ensureDevCertificate, type DevCertificate } from "../../src/devserver/certs.js";
import { startDevServer, type DevServer } from "../../src/devserver/server.js";
import {
  findDesktopWord,
  macWefFolder,
  sideload,
  sideloadInstructions,
} from "../../src/devserver/sideload.js";
import { exportSite, productionManifest } from "../../src/devserver/site-export.js";
import {
  CONTENT_SECURITY_POLICY,
  hostedFiles,
  OFFICE_JS_CDN,
  PLACEHOLDER_MOUNTS,
  policyFor,
  remoteSources,
  resolveRequest,
} from "../../src/devserver/site.js";
import { pngSize, ROOT, validateManifest } from "./support.js";

let temp: string;
let certificate: DevCertificate;
let server: DevServer;

beforeAll(async () => {
  temp = mkdtempSync(join(tmpdir(), "klarbrev-devserver-"));
  certificate = await ensureDevCertificate(join(temp, "certs"));
  // The placeholder site, whether or not the task pane UI has been built in dist/.
  server = await startDevServer({
    root: ROOT,
    key: certificate.key,
    cert: certificate.cert,
    port: 0,
    mounts: PLACEHOLDER_MOUNTS,
  });
}, 60_000);

afterAll(async () => {
  await server?.close();
  rmSync(temp, { recursive: true, force: true });
});

interface Response {
  status: number;
  headers: IncomingHttpHeaders;
  body: Buffer;
}

/** A raw HTTPS request (the path is sent as written: no client-side normalisation). */
function fetchRaw(path: string, method = "GET"): Promise<Response> {
  return new Promise((resolve, reject) => {
    const outgoing = request(
      {
        host: "127.0.0.1",
        port: server.port,
        path,
        method,
        rejectUnauthorized: false,
        servername: "localhost",
      },
      (response) => {
        const chunks: Buffer[] = [];
        response.on("data", (chunk: Buffer) => chunks.push(chunk));
        response.on("end", () =>
          resolve({
            status: response.statusCode ?? 0,
            headers: response.headers,
            body: Buffer.concat(chunks),
          })
        );
      }
    );
    outgoing.on("error", reject);
    outgoing.end();
  });
}

describe("the development server (npm start)", () => {
  test("serves the task pane over HTTPS with a strict Content-Security-Policy", async () => {
    const response = await fetchRaw("/taskpane.html");
    expect(response.status).toBe(200);
    expect(response.headers["content-type"]).toBe("text/html; charset=utf-8");
    const policy = String(response.headers["content-security-policy"]);
    expect(policy).toBe(CONTENT_SECURITY_POLICY);
    // The only remote origin allowed anywhere is Microsoft's Office.js CDN.
    expect(policy.match(/https?:\/\/[^\s;]+/gu)).toEqual(["https://appsforoffice.microsoft.com"]);
    expect(policy).not.toContain("unsafe-inline");
    expect(policy).not.toContain("*");
    const html = response.body.toString("utf8");
    // The page carries the same policy, for hosts that do not send the header.
    for (const page of ["taskpane.html", "support.html"]) {
      const text =
        page === "taskpane.html" ? html : (await fetchRaw(`/${page}`)).body.toString("utf8");
      const meta = /http-equiv="Content-Security-Policy"\s+content="([^"]+)"/u.exec(text)?.[1];
      expect(meta).toBe(CONTENT_SECURITY_POLICY);
    }
    expect(html).toContain(
      '<script src="https://appsforoffice.microsoft.com/lib/1/hosted/office.js"></script>'
    );
    expect(html).toContain("Klarbrev");
    expect(html).toContain("kommer i næste version");
    expect(html).not.toMatch(/<script>(?!<\/script>)/u); // no inline scripts
    expect(response.headers["x-content-type-options"]).toBe("nosniff");
  });

  test("serves the icons and the manifest with their MIME types", async () => {
    const icon = await fetchRaw("/assets/icon-80.png");
    expect(icon.status).toBe(200);
    expect(icon.headers["content-type"]).toBe("image/png");
    expect(pngSize(icon.body)).toEqual({ width: 80, height: 80 });
    const manifest = await fetchRaw("/manifest.xml");
    expect(manifest.headers["content-type"]).toBe("application/xml; charset=utf-8");
    expect(manifest.body.toString("utf8")).toBe(readFileSync(join(ROOT, "manifest.xml"), "utf8"));
    const head = await fetchRaw("/taskpane.js", "HEAD");
    expect(head.status).toBe(200);
    expect(head.headers["content-type"]).toBe("text/javascript; charset=utf-8");
    expect(head.body.length).toBe(0);
  });

  test.each([
    "/../package.json",
    "/assets/../../package.json",
    "/%2e%2e/package.json",
    "/assets/%2e%2e%2f%2e%2e%2fpackage.json",
    "/assets/..%5c..%5cpackage.json",
    "/.certs/localhost.key",
    "/dist/../manifest.xml",
    "/src/word/read.ts",
    "/assets/generate-icons.mjs",
    "/assets/icon-16.png%00.html",
    "/%E0%A4%A",
  ])("refuses %s (no directory traversal, no hidden or unknown files)", async (path) => {
    expect((await fetchRaw(path)).status).toBe(404);
  });

  test("only GET and HEAD", async () => {
    expect((await fetchRaw("/taskpane.html", "POST")).status).toBe(405);
  });

  test("listens on the loopback interface only, with a localhost certificate from a local CA", () => {
    const leaf = new X509Certificate(certificate.cert);
    const ca = new X509Certificate(readFileSync(certificate.caPath));
    expect(leaf.subjectAltName).toContain("DNS:localhost");
    expect(leaf.subjectAltName).toContain("IP Address:127.0.0.1");
    expect(leaf.checkIssued(ca)).toBe(true);
    expect(leaf.verify(ca.publicKey)).toBe(true);
    expect(ca.ca).toBe(true);
    expect(leaf.ca).toBe(false);
    expect(server.url).toBe(`https://localhost:${server.port}`);
  });

  test("the certificate is made once and reused while valid", async () => {
    const again = await ensureDevCertificate(join(temp, "certs"));
    expect(again.created).toBe(false);
    expect(again.cert).toBe(certificate.cert);
    const later = await ensureDevCertificate(
      join(temp, "certs"),
      new Date(Date.now() + 400 * 24 * 3600 * 1000)
    );
    expect(later.created).toBe(true);
  }, 60_000);
});

describe("the placeholder task pane page", () => {
  const script = readFileSync(join(ROOT, "src/devserver/static/taskpane.js"), "utf8");

  function run(office: unknown): { text: string; state: string } {
    const status = {
      textContent: "",
      state: "",
      setAttribute(_: string, value: string) {
        this.state = value;
      },
    };
    const timers: (() => void)[] = [];
    runInNewContext(script, {
      document: { getElementById: () => status },
      setTimeout: (callback: () => void) => timers.push(callback),
      clearTimeout: () => timers.splice(0),
      ...(office === undefined ? {} : { Office: office }),
    });
    timers.forEach((callback) => callback());
    return { text: status.textContent, state: status.state };
  }

  test("without Office.js (CDN unreachable, plain browser) it says to open Klarbrev in Word, in Danish", () => {
    expect(run(undefined)).toEqual({
      text: expect.stringContaining("Åbn Klarbrev inde i Word"),
      state: "outside",
    });
  });

  test("inside Word it reports the connection; in another host it says to open it in Word", () => {
    const office = (host: string | null) => ({
      HostType: { Word: "Word" },
      onReady: (callback: (info: { host: string | null }) => void) => callback({ host }),
    });
    expect(run(office("Word"))).toEqual({
      text: "Klarbrev er forbundet til dokumentet.",
      state: "ready",
    });
    expect(run(office(null)).text).toContain("Åbn Klarbrev inde i Word");
  });
});

describe("sideloading", () => {
  const environment = (
    platform: NodeJS.Platform,
    files: string[],
    env: NodeJS.ProcessEnv = {}
  ) => ({
    platform,
    env,
    home: "/home/sagsbehandler",
    exists: (path: string) => files.includes(path),
  });

  test("finds Word desktop on Windows and macOS, and nothing elsewhere", () => {
    const winword = "C:\\Program Files\\Microsoft Office\\root\\Office16\\WINWORD.EXE";
    expect(
      findDesktopWord(environment("win32", [winword], { ProgramFiles: "C:\\Program Files" }))
    ).toEqual({
      platform: "win32",
      path: winword,
    });
    expect(
      findDesktopWord(environment("darwin", ["/Applications/Microsoft Word.app"]))?.platform
    ).toBe("darwin");
    expect(
      findDesktopWord(environment("linux", ["/Applications/Microsoft Word.app"]))
    ).toBeUndefined();
    expect(
      findDesktopWord(environment("win32", [], { ProgramFiles: "C:\\Program Files" }))
    ).toBeUndefined();
  });

  test("on macOS the manifest is copied to Word's wef folder", async () => {
    const home = join(temp, "home");
    const message = await sideload(
      { platform: "darwin", path: "/Applications/Microsoft Word.app" },
      join(ROOT, "manifest.xml"),
      home
    );
    const target = join(macWefFolder(home), "klarbrev.manifest.xml");
    expect(existsSync(target)).toBe(true);
    expect(message).toContain(target);
  });

  test("the printed steps cover the certificate, Word on the web, Windows and Mac", () => {
    const text = sideloadInstructions({
      url: "https://localhost:3000",
      manifestPath: "/repo/manifest.xml",
      caPath: "/repo/.certs/ca.crt",
      home: "/Users/x",
    });
    expect(text).toContain("certutil -user -addstore Root");
    expect(text).toContain("Upload My Add-in");
    expect(text).toContain("Wef\\Developer");
    expect(text).toContain("/Users/x/Library/Containers/com.microsoft.Word/Data/Documents/wef");
    expect(text).not.toMatch(/sudo/u);
  });
});

describe("export for IT (static hosting)", () => {
  test("writes the hosted files and a manifest pointing at the production host; it stays schema-valid", async () => {
    const out = join(temp, "site");
    const files = exportSite(ROOT, out, "https://addins.randers.dk/klarbrev/");
    expect(files).toEqual(
      expect.arrayContaining([
        "/taskpane.html",
        "/taskpane.js",
        "/support.html",
        "/assets/icon-16.png",
        "/assets/icon-80.png",
        "/manifest.xml",
      ])
    );
    expect(files.some((file) => file.endsWith(".mjs"))).toBe(false);
    const manifest = readFileSync(join(out, "manifest.xml"), "utf8");
    expect(manifest).toContain(
      '<SourceLocation DefaultValue="https://addins.randers.dk/klarbrev/taskpane.html"/>'
    );
    expect(manifest).not.toContain("localhost");
    expect((await validateManifest(manifest)).valid).toBe(true);
  }, 30_000);

  test("refuses a base URL that is not https", () => {
    expect(() => productionManifest("<x/>", "http://addins.randers.dk")).toThrow("https");
  });

  test("the site table maps / to the task pane and nothing else outside the mounts", () => {
    expect(resolveRequest(ROOT, "/", PLACEHOLDER_MOUNTS)).toBe(
      join(ROOT, "src/devserver/static/taskpane.html")
    );
    expect(resolveRequest(ROOT, "/package.json")).toBeUndefined();
  });
});

describe("the built task pane (issue 5) and the placeholder", () => {
  test("the built UI in dist/taskpane wins when it exists; support.html still comes from the placeholder", () => {
    const root = join(temp, "repo");
    const write = (path: string, text: string) => {
      mkdirSync(join(root, path, ".."), { recursive: true });
      writeFileSync(join(root, path), text);
    };
    write("src/devserver/static/taskpane.html", "<p>placeholder</p>");
    write("src/devserver/static/support.html", "<p>hjælp</p>");
    expect(resolveRequest(root, "/taskpane.html")).toBe(
      join(root, "src/devserver/static/taskpane.html")
    );
    write("dist/taskpane/taskpane.html", "<div id=root></div>");
    expect(resolveRequest(root, "/taskpane.html")).toBe(join(root, "dist/taskpane/taskpane.html"));
    expect(resolveRequest(root, "/support.html")).toBe(
      join(root, "src/devserver/static/support.html")
    );
    expect(
      hostedFiles(root, (dir) =>
        existsSync(dir) ? readdirSync(dir).map((name) => join(dir, name)) : []
      )
        .map((entry) => entry.url)
        .sort()
    ).toEqual(["/support.html", "/taskpane.html"]);
  });

  test("a page's CSP header is the page's own meta policy, so the two never disagree", async () => {
    const site = join(temp, "site-with-own-policy");
    mkdirSync(site, { recursive: true });
    const policy = `default-src 'none'; script-src 'self' ${OFFICE_JS_CDN}; style-src 'self' 'unsafe-inline'`;
    writeFileSync(
      join(site, "taskpane.html"),
      `<meta http-equiv="Content-Security-Policy" content="${policy}" />`
    );
    expect(policyFor(join(site, "taskpane.html"))).toBe(policy);
    const other = await startDevServer({
      root: ROOT,
      key: certificate.key,
      cert: certificate.cert,
      port: 0,
      mounts: [{ url: "/", path: site, hosted: true, extensions: [".html"] }],
    });
    try {
      const response = await new Promise<IncomingHttpHeaders>((resolve, reject) => {
        request(
          {
            host: "127.0.0.1",
            port: other.port,
            path: "/taskpane.html",
            rejectUnauthorized: false,
          },
          (res) => {
            res.resume();
            resolve(res.headers);
          }
        )
          .on("error", reject)
          .end();
      });
      expect(response["content-security-policy"]).toBe(policy);
    } finally {
      await other.close();
    }
  });

  test("every page the site serves, built or placeholder, allows nothing remote but Office.js", () => {
    const list = (dir: string): string[] =>
      existsSync(dir)
        ? readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
            entry.isDirectory() ? list(join(dir, entry.name)) : [join(dir, entry.name)]
          )
        : [];
    const pages = hostedFiles(ROOT, list).filter((entry) => entry.url.endsWith(".html"));
    expect(pages.map((page) => page.url)).toEqual(
      expect.arrayContaining(["/taskpane.html", "/support.html"])
    );
    for (const page of pages) {
      const remote = remoteSources(policyFor(page.file)).filter(
        (source) => source !== OFFICE_JS_CDN
      );
      expect({ page: page.url, remote }).toEqual({ page: page.url, remote: [] });
    }
    // From dist/taskpane only the task pane bundle is hosted, never tsc's Node-side output.
    const nodeOutput = /\/(build|host|word-host|office|main)\.js$/u;
    expect(hostedFiles(ROOT, list).filter((entry) => nodeOutput.test(entry.url))).toEqual([]);
    expect(
      remoteSources("default-src 'self'; img-src * data:; connect-src https://telemetry.example")
    ).toEqual(["*", "https://telemetry.example"]);
  });
});

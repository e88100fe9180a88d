import { mkdtempSync, rmSync } from "node:fs";
import { request } from "node:https";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { ensureDevCertificate } from "../../src/devserver/certs.js";
import { startDevServer, type DevServer } from "../../src/devserver/server.js";
import { PLACEHOLDER_MOUNTS } from "../../src/devserver/site.js";
import { ROOT } from "./support.js";

/** npm run word:smoke: the dev server in smoke mode serves the pane marked for the check. */
let temp: string;
let smoke: DevServer;
let plain: DevServer;

beforeAll(async () => {
  temp = mkdtempSync(join(tmpdir(), "klarbrev-smoke-"));
  const certificate = await ensureDevCertificate(join(temp, "certs"));
  const base = { root: ROOT, key: certificate.key, cert: certificate.cert, port: 0 };
  smoke = await startDevServer({
    ...base,
    mounts: PLACEHOLDER_MOUNTS,
    smoke: true,
  });
  plain = await startDevServer({ ...base, mounts: PLACEHOLDER_MOUNTS });
}, 60_000);

afterAll(async () => {
  await smoke?.close();
  await plain?.close();
  rmSync(temp, { recursive: true, force: true });
});

function send(
  server: DevServer,
  path: string,
  method = "GET",
  body?: string
): Promise<{ status: number; text: string }> {
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
        let text = "";
        response.setEncoding("utf8");
        response.on("data", (chunk: string) => (text += chunk));
        response.on("end", () => resolve({ status: response.statusCode ?? 0, text }));
      }
    );
    outgoing.on("error", reject);
    outgoing.end(body);
  });
}

describe("the dev server in smoke mode (npm run word:smoke)", () => {
  test("serves the task pane marked for the device check", async () => {
    const page = await send(smoke, "/taskpane.html");
    expect(page.status).toBe(200);
    expect(page.text).toMatch(/<html data-klarbrev-mode="smoke"/u);
    expect((await send(plain, "/taskpane.html")).text).not.toContain("klarbrev-mode");
  });

  test("smoke mode adds no way in: the server still takes GET and HEAD only", async () => {
    expect((await send(smoke, "/smoke-report", "POST", '{"done":true}')).status).toBe(405);
  });
});

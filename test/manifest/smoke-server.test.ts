import { mkdtempSync, rmSync } from "node:fs";
import { request } from "node:https";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { ensureDevCertificate } from "../../src/devserver/certs.js";
import { startDevServer, type DevServer } from "../../src/devserver/server.js";
import { PLACEHOLDER_MOUNTS } from "../../src/devserver/site.js";
import { ROOT } from "./support.js";

/** npm run word:smoke: the dev server in smoke mode marks the pane and receives its lines. */
let temp: string;
let smoke: DevServer;
let plain: DevServer;
const lines: { scenario: string; ok: boolean; detail: string }[] = [];
let done = 0;

beforeAll(async () => {
  temp = mkdtempSync(join(tmpdir(), "klarbrev-smoke-"));
  const certificate = await ensureDevCertificate(join(temp, "certs"));
  const base = { root: ROOT, key: certificate.key, cert: certificate.cert, port: 0 };
  smoke = await startDevServer({
    ...base,
    mounts: PLACEHOLDER_MOUNTS,
    smoke: { onLine: (line) => lines.push(line), onDone: () => done++ },
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

  test("receives one line per scenario and the end of the run", async () => {
    const line = { scenario: "the letter is read", ok: true, detail: "LIX 38" };
    expect((await send(smoke, "/smoke-report", "POST", JSON.stringify({ line }))).status).toBe(204);
    expect((await send(smoke, "/smoke-report", "POST", '{"done":true}')).status).toBe(204);
    expect(lines).toEqual([line]);
    expect(done).toBe(1);
    expect((await send(smoke, "/smoke-report", "POST", "not json")).status).toBe(400);
  });

  test("outside smoke mode the server still takes GET and HEAD only", async () => {
    expect((await send(plain, "/smoke-report", "POST", '{"done":true}')).status).toBe(405);
  });
});

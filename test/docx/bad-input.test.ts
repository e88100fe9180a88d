import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { strToU8, zipSync } from "fflate";
import { runCli } from "../cli/helpers.js";
import { buildDocx, docxParts, zipParts } from "../support/docx-builder.js";

/** Issue 9 §5: every broken Word document gets one line naming it, exit 2, and the others are still reported. */
const scratch = mkdtempSync(join(tmpdir(), "klarbrev-docx-bad-"));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

const good = join(scratch, "god.docx");
writeFileSync(
  good,
  buildDocx([
    "Kære Jens",
    "Du skal komme til en samtale hos os tirsdag den 8. december 2026 kl. 10.00.",
  ])
);

function file(name: string, bytes: Uint8Array | string): string {
  const path = join(scratch, name);
  writeFileSync(path, bytes);
  return path;
}

function oleWith(streamName: string): Uint8Array {
  const bytes = new Uint8Array(4096);
  bytes.set([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
  [...streamName].forEach((char, index) => (bytes[1024 + index * 2] = char.charCodeAt(0)));
  return bytes;
}

const cases: [string, () => string, RegExp][] = [
  [
    "a corrupt zip",
    () => file("korrupt.docx", buildDocx(["Kære Jens"]).slice(0, 300)),
    /: corrupt zip \(.+\); the file is damaged or not a Word document$/u,
  ],
  [
    "a zip that is not a Word document",
    () => file("arkiv.docx", zipSync({ "billede.txt": strToU8("hej") })),
    /: not a Word document \(a zip without \[Content_Types\]\.xml\)$/u,
  ],
  [
    "a zip with content types but no document part",
    () => {
      const parts = docxParts(["Kære Jens"]);
      delete parts["word/document.xml"];
      return file("uden-dokument.docx", zipParts(parts));
    },
    /: not a Word document \(the zip has no word\/document\.xml\)$/u,
  ],
  [
    "an encrypted (password-protected) document",
    () => file("kodeord.docx", oleWith("EncryptionInfo")),
    /: the document is encrypted \(password-protected\); remove the password in Word/u,
  ],
  [
    "a legacy .doc",
    () => file("gammel.doc", oleWith("WordDocument")),
    /: legacy Word 97-2003 document; convert it first: soffice --headless --convert-to docx FILE$/u,
  ],
  [
    "a legacy .doc saved as .docx",
    () => file("forklaedt.docx", oleWith("WordDocument")),
    /: this is a legacy Word 97-2003 document \(\.doc\), not \.docx; convert it with: soffice --headless --convert-to docx FILE$/u,
  ],
  [
    "a zip bomb (one part inflating 30 MB of zeros)",
    () => {
      const parts: Record<string, string | Uint8Array> = docxParts(["Kære Jens"]);
      parts["word/media/nuller.bin"] = new Uint8Array(30 * 1024 * 1024);
      return file("bombe.docx", zipParts(parts));
    },
    /: the zip unpacks to more than .* or compresses \d+:1; refused as a possible zip bomb \(limits: 100 MB in all, 200:1 per entry\)$/u,
  ],
  [
    "a zip bomb (too many entries)",
    () => {
      const parts: Record<string, string> = docxParts(["Kære Jens"]);
      for (let i = 0; i < 1001; i++) parts[`word/media/${i}.txt`] = "x";
      return file("mange.docx", zipParts(parts));
    },
    /: the zip has more than 1000 entries; refused as a possible zip bomb$/u,
  ],
  [
    "XML with an external entity (never resolved)",
    () => {
      const parts = docxParts(["Kære Jens"]);
      parts["word/document.xml"] = parts["word/document.xml"]!.replace(
        "?>\n",
        `?>\n<!DOCTYPE w:document [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>\n`
      ).replace("Kære Jens", "&xxe;");
      return file("xxe.docx", zipParts(parts));
    },
    /: the part word\/document\.xml declares a DTD or entities \(<!DOCTYPE>\); refused, Word documents never contain one$/u,
  ],
  [
    "malformed XML",
    () => {
      const parts = docxParts(["Kære Jens"]);
      parts["word/document.xml"] = parts["word/document.xml"]!.replace("</w:body>", "");
      return file("forkert-xml.docx", zipParts(parts));
    },
    /: the part word\/document\.xml is not well-formed XML \(.+\)$/u,
  ],
  [
    "a .docx with no body text",
    () => file("tom.docx", buildDocx(["", "  "], { header: "Jobcenter Holstebro" })),
    /: the document has no body text to check$/u,
  ],
  [
    "a 50 MB document",
    () => {
      const bytes = new Uint8Array(50 * 1024 * 1024);
      bytes.set([0x50, 0x4b, 0x03, 0x04]);
      return file("stor.docx", bytes);
    },
    /: file is too large \(50 MB; the limit for Word documents is 20 MB\)$/u,
  ],
];

describe("bad Word documents: one line naming the file, exit 2, the other files still reported", () => {
  test.each(cases)("%s", async (_name, make, reason) => {
    const path = make();
    const { code, stdout, stderr } = await runCli(["check", "--format", "json", path, good]);
    expect(code).toBe(2);
    const lines = stderr.trimEnd().split("\n");
    expect(lines).toHaveLength(1);
    expect(lines[0]!.startsWith(`klarbrev: ${path}: `)).toBe(true);
    expect(lines[0]).toMatch(reason);
    expect(stderr).not.toMatch(/\n\s+at /u);
    const results = JSON.parse(stdout) as { file: string }[];
    expect(results.map((result) => result.file)).toEqual([good]);
  });
});

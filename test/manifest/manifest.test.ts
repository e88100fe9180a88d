import { readFileSync } from "node:fs";
import { join } from "node:path";
import { checkRepository } from "../../src/apisets/check.js";
import { readManifestRequirements } from "../../src/apisets/manifest-requirements.js";
import { resolveRequest } from "../../src/devserver/site.js";
import { pngSize, ROOT, validateManifest } from "./support.js";

const manifest = readFileSync(join(ROOT, "manifest.xml"), "utf8");

/** All attribute values of an attribute, in document order. */
function attributeValues(xml: string, name: string): string[] {
  return [...xml.matchAll(new RegExp(`\\b${name}="([^"]*)"`, "gu"))].map((match) => match[1]!);
}

function resourceIds(section: string): string[] {
  const body =
    new RegExp(`<bt:${section}>([\\s\\S]*?)</bt:${section}>`, "u").exec(manifest)?.[1] ?? "";
  return attributeValues(body, "id");
}

describe("manifest.xml", () => {
  test("is valid against Microsoft's add-in manifest schema (offline, copied XSDs)", async () => {
    const result = await validateManifest(manifest);
    expect(result.errors).toEqual([]);
    expect(result.valid).toBe(true);
  });

  test("the schema check catches elements out of schema order", async () => {
    const swapped = manifest.replace(
      /(<DefaultSettings>[\s\S]*?<\/DefaultSettings>)(\s*)(<Permissions>ReadWriteDocument<\/Permissions>)/u,
      "$3$2$1"
    );
    expect(swapped).not.toBe(manifest);
    const result = await validateManifest(swapped);
    expect(result.valid).toBe(false);
    expect(result.errors.join("\n")).toMatch(/Permissions|DefaultSettings/u);
  });

  test("a stable GUID, a four-part version, provider and locales", () => {
    expect(/<Id>([^<]+)<\/Id>/u.exec(manifest)?.[1]).toMatch(
      /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/u
    );
    expect(/<Version>([^<]+)<\/Version>/u.exec(manifest)?.[1]).toMatch(/^\d+\.\d+\.\d+\.\d+$/u);
    expect(manifest).toContain("<ProviderName>Klarbrev</ProviderName>");
    expect(manifest).toContain("<DefaultLocale>da-DK</DefaultLocale>");
    expect(manifest).toContain('<Host Name="Document"/>');
    expect(manifest).toContain("<Permissions>ReadWriteDocument</Permissions>");
    expect(manifest).toContain('xsi:type="TaskPaneApp"');
  });

  // Issue 10: English Word users outside the US (en-GB at least) get English too.
  test("every display string has en-US and en-GB overrides, and there is a SupportUrl", () => {
    const strings = [
      ...manifest.matchAll(
        /<(DisplayName|Description|bt:String)\b[^>]*\bDefaultValue="[^"]*"\s*(\/?)>/gu
      ),
    ];
    expect(strings.length).toBeGreaterThan(5);
    for (const match of strings) {
      expect(match[2]).toBe(""); // not self-closing: it holds an override
    }
    const overrides = attributeValues(manifest, "Locale");
    expect(new Set(overrides)).toEqual(new Set(["en-US", "en-GB"]));
    expect(overrides).toHaveLength(strings.length * 2);
    expect(manifest).toMatch(/<SupportUrl DefaultValue="https:\/\/[^"]+"\/>/u);
  });

  test("every URL is https and on the add-in's own origin", () => {
    const urls = attributeValues(manifest, "DefaultValue").filter((value) =>
      /^[a-z]+:\/\//u.test(value)
    );
    expect(urls.length).toBeGreaterThan(5);
    for (const url of urls) {
      expect(new URL(url).protocol).toBe("https:");
      expect(new URL(url).origin).toBe("https://localhost:3000");
    }
  });

  test("every resid resolves to a resource of the right kind", () => {
    const kinds: Record<string, string[]> = {
      Images: resourceIds("Images"),
      Urls: resourceIds("Urls"),
      ShortStrings: resourceIds("ShortStrings"),
      LongStrings: resourceIds("LongStrings"),
    };
    const all = Object.values(kinds).flat();
    expect(new Set(all).size).toBe(all.length);
    const references = [...manifest.matchAll(/<(bt:Image|[A-Za-z]+)\b[^>]*\bresid="([^"]+)"/gu)];
    expect(references.length).toBeGreaterThan(10);
    const expectedKind = (element: string) =>
      element === "bt:Image"
        ? "Images"
        : element === "SourceLocation" || element === "LearnMoreUrl"
          ? "Urls"
          : element === "Description"
            ? "LongStrings"
            : "ShortStrings";
    for (const [, element, resid] of references) {
      expect({ resid, kind: kinds[expectedKind(element!)]!.includes(resid!) }).toEqual({
        resid,
        kind: true,
      });
      expect(resid!.length).toBeLessThanOrEqual(32);
    }
    // Nothing defined and unused.
    const used = new Set(references.map((match) => match[2]));
    expect(all.filter((id) => !used.has(id))).toEqual([]);
  });

  test("the icons exist in the repository with the declared sizes", () => {
    const declared: { url: string; size: number }[] = [
      { url: /<IconUrl DefaultValue="([^"]+)"/u.exec(manifest)![1]!, size: 32 },
      { url: /<HighResolutionIconUrl DefaultValue="([^"]+)"/u.exec(manifest)![1]!, size: 64 },
    ];
    const images = new Map(
      [...manifest.matchAll(/<bt:Image id="([^"]+)" DefaultValue="([^"]+)"/gu)].map((match) => [
        match[1]!,
        match[2]!,
      ])
    );
    for (const match of manifest.matchAll(/<bt:Image size="(\d+)" resid="([^"]+)"/gu)) {
      declared.push({ url: images.get(match[2]!)!, size: Number(match[1]) });
    }
    expect(new Set(declared.map((icon) => icon.size))).toEqual(new Set([16, 32, 64, 80]));
    for (const { url, size } of declared) {
      const file = resolveRequest(ROOT, new URL(url).pathname);
      expect(file).toBeDefined();
      expect(pngSize(readFileSync(file!))).toEqual({ width: size, height: size });
    }
  });

  test("the task pane, support and learn-more pages are served by the site", () => {
    const urls = attributeValues(manifest, "DefaultValue").filter((value) =>
      value.startsWith("https://")
    );
    for (const url of urls)
      expect({ url, file: Boolean(resolveRequest(ROOT, new URL(url).pathname)) }).toEqual({
        url,
        file: true,
      });
    const source = /<SourceLocation DefaultValue="([^"]+)"/u.exec(manifest)![1];
    expect(/<bt:Url id="Taskpane.Url" DefaultValue="([^"]+)"/u.exec(manifest)![1]).toBe(source);
  });

  test("the requirement set is exactly what the code needs (check:apisets' minimum)", () => {
    const declared = readManifestRequirements(manifest);
    expect(declared).toEqual(new Map([["WordApi", "1.3"]]));
    const { report } = checkRepository(ROOT);
    expect(report.violations).toEqual([]);
    expect(report.needed).toEqual(declared);
  }, 60_000);
});

/**
 * The minimum API sets a manifest declares: `<Requirements><Sets><Set Name MinVersion/>` of the
 * top-level OfficeApp (the first Requirements element; VersionOverrides may have its own later).
 */
export function readManifestRequirements(xml: string): Map<string, string> {
  const requirements = /<Requirements>([\s\S]*?)<\/Requirements>/u.exec(xml)?.[1] ?? "";
  const sets = /<Sets\b([^>]*)>/u.exec(requirements);
  const fallback = attribute(sets?.[1] ?? "", "DefaultMinVersion") ?? "1.1";
  const found = new Map<string, string>();
  for (const match of requirements.matchAll(/<Set\b([^>]*)\/?>/gu)) {
    const name = attribute(match[1]!, "Name");
    if (name) found.set(name, attribute(match[1]!, "MinVersion") ?? fallback);
  }
  return found;
}

function attribute(attributes: string, name: string): string | undefined {
  return new RegExp(`\\b${name}="([^"]*)"`, "u").exec(attributes)?.[1];
}

/** Compare dotted versions numerically: "1.10" > "1.9". */
export function compareVersions(a: string, b: string): number {
  const left = a.split(".").map(Number);
  const right = b.split(".").map(Number);
  for (let index = 0; index < Math.max(left.length, right.length); index++) {
    const difference = (left[index] ?? 0) - (right[index] ?? 0);
    if (difference !== 0) return difference;
  }
  return 0;
}

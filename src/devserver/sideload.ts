import { execFile } from "node:child_process";
import { copyFileSync, existsSync, mkdirSync, readFileSync } from "node:fs";
import { homedir } from "node:os";
import { join, resolve } from "node:path";

/**
 * Sideloading manifest.xml into Word desktop, where it exists: on Windows a per-user registry
 * value (HKCU\...\Wef\Developer, no administrator rights), on macOS a copy in Word's wef folder.
 * Everywhere else (Linux, CI, Word on the web) npm start prints the manual steps instead.
 */

export interface DesktopWord {
  platform: "win32" | "darwin";
  path: string;
}

export interface Environment {
  platform: NodeJS.Platform;
  env: NodeJS.ProcessEnv;
  home: string;
  exists: (path: string) => boolean;
}

const defaultEnvironment = (): Environment => ({
  platform: process.platform,
  env: process.env,
  home: homedir(),
  exists: existsSync,
});

export const WINDOWS_DEVELOPER_KEY = "HKCU\\Software\\Microsoft\\Office\\16.0\\Wef\\Developer";

export function findDesktopWord(
  environment: Environment = defaultEnvironment()
): DesktopWord | undefined {
  const { platform, env, exists } = environment;
  if (platform === "darwin") {
    const path = "/Applications/Microsoft Word.app";
    return exists(path) ? { platform, path } : undefined;
  }
  if (platform === "win32") {
    const roots = [env.ProgramFiles, env["ProgramFiles(x86)"], env.ProgramW6432].filter(
      Boolean
    ) as string[];
    for (const root of roots) {
      for (const folder of ["Microsoft Office\\root\\Office16", "Microsoft Office\\Office16"]) {
        const path = `${root}\\${folder}\\WINWORD.EXE`;
        if (exists(path)) return { platform, path };
      }
    }
  }
  return undefined;
}

/** The wef folder Word for Mac reads sideloaded manifests from. */
export function macWefFolder(home: string): string {
  return join(home, "Library", "Containers", "com.microsoft.Word", "Data", "Documents", "wef");
}

export function manifestId(manifestPath: string): string {
  const id = /<Id>\s*([0-9a-fA-F-]{36})\s*<\/Id>/u.exec(readFileSync(manifestPath, "utf8"))?.[1];
  if (!id) throw new Error(`No add-in <Id> in ${manifestPath}`);
  return id;
}

/** Register the manifest with Word desktop; returns what was done, for the console. */
export async function sideload(
  word: DesktopWord,
  manifestPath: string,
  home = homedir()
): Promise<string> {
  const absolute = resolve(manifestPath);
  if (word.platform === "darwin") {
    const folder = macWefFolder(home);
    mkdirSync(folder, { recursive: true });
    const target = join(folder, "klarbrev.manifest.xml");
    copyFileSync(absolute, target);
    return `Copied the manifest to ${target}. Restart Word; Klarbrev appears on the Home tab.`;
  }
  const id = manifestId(absolute);
  await new Promise<void>((done, fail) => {
    execFile(
      "reg",
      ["add", WINDOWS_DEVELOPER_KEY, "/v", id, "/t", "REG_SZ", "/d", absolute, "/f"],
      (error) => (error ? fail(new Error(`reg add failed: ${error.message}`)) : done())
    );
  });
  return `Registered the manifest under ${WINDOWS_DEVELOPER_KEY}. Restart Word; Klarbrev appears on the Home tab.`;
}

/** The manual steps, for every platform. */
export function sideloadInstructions(options: {
  url: string;
  manifestPath: string;
  caPath: string;
  home?: string;
}): string {
  const { url, manifestPath, caPath } = options;
  const home = options.home ?? homedir();
  return [
    `1. Trust the development CA once (user level, no administrator rights needed):`,
    `   Windows:  certutil -user -addstore Root "${caPath}"`,
    `   macOS:    security add-trusted-cert -r trustRoot -k ~/Library/Keychains/login.keychain-db "${caPath}"`,
    `   Linux:    import ${caPath} as an authority in the browser (Settings > Certificates), or`,
    `             certutil -d sql:$HOME/.pki/nssdb -A -t "C,," -n "Klarbrev Development CA" -i "${caPath}"`,
    `   Then open ${url}/taskpane.html in a browser: it must load without a certificate warning.`,
    ``,
    `2. Sideload ${manifestPath}:`,
    `   Word on the web: open a document, Home > Add-ins > More Add-ins > My Add-ins >`,
    `     Upload My Add-in, choose manifest.xml. (Insert > Add-ins in older layouts.)`,
    `   Word for Windows: npm start registers it automatically when Word is installed; by hand:`,
    `     reg add "${WINDOWS_DEVELOPER_KEY}" /v <Id from manifest.xml> /t REG_SZ /d "<full path to manifest.xml>" /f`,
    `     or share a folder holding manifest.xml and add it under File > Options > Trust Center >`,
    `     Trust Center Settings > Trusted Add-in Catalogs, then Home > Add-ins > Advanced > Shared Folder.`,
    `   Word for Mac: npm start copies it automatically when Word is installed; by hand:`,
    `     cp manifest.xml "${macWefFolder(home)}/"`,
    `   Restart Word; "Tjek brev" appears on the Home tab.`,
    ``,
    `3. To remove: delete the registry value (Windows), the copied file (Mac), or the uploaded`,
    `   add-in under My Add-ins (web).`,
  ].join("\n");
}

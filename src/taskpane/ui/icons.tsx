import { registerIcons } from "@fluentui/react/lib/Styling";
import type { ReactElement } from "react";

/**
 * Fluent UI's icon font is loaded from a CDN by initializeIcons(). Klarbrev makes no network
 * calls, so every icon the pane (and the Fluent components it uses) needs is an inline SVG here.
 */
const PATHS: Record<string, string> = {
  CheckMark: "M6 11.2 2.8 8l-.8.8L6 12.8l8-8-.8-.8z",
  Cancel: "M3.7 3 3 3.7 7.3 8 3 12.3l.7.7L8 8.7l4.3 4.3.7-.7L8.7 8 13 3.7 12.3 3 8 7.3z",
  ChevronDown: "M2.6 5.4 8 10.8l5.4-5.4-.8-.8L8 9.2 3.4 4.6z",
  ChevronUp: "M2.6 10.6 8 5.2l5.4 5.4-.8.8L8 6.8l-4.6 4.6z",
  ChevronRight: "M5.4 2.6 10.8 8l-5.4 5.4-.8-.8L9.2 8 4.6 3.4z",
  ChevronLeft: "M10.6 2.6 5.2 8l5.4 5.4.8-.8L6.8 8l4.6-4.6z",
  Up: "M8 2 3 7l.7.7 3.8-3.8V14h1V3.9l3.8 3.8.7-.7z",
  Down: "M8 14l5-5-.7-.7-3.8 3.8V2h-1v10.1L3.7 8.3 3 9z",
  Search:
    "M6.5 1a5.5 5.5 0 0 1 4.2 9l4.1 4.2-.7.7-4.1-4.1A5.5 5.5 0 1 1 6.5 1zm0 1a4.5 4.5 0 1 0 0 9 4.5 4.5 0 0 0 0-9z",
  Calendar:
    "M3 2h1V1h1v1h6V1h1v1h1a2 2 0 0 1 2 2v9a2 2 0 0 1-2 2H3a2 2 0 0 1-2-2V4a2 2 0 0 1 2-2zM2 6v7a1 1 0 0 0 1 1h10a1 1 0 0 0 1-1V6zm0-1h12V4a1 1 0 0 0-1-1H3a1 1 0 0 0-1 1z",
  Info: "M8 1a7 7 0 1 1 0 14A7 7 0 0 1 8 1zm0 1a6 6 0 1 0 0 12A6 6 0 0 0 8 2zM7.5 7h1v5h-1zM8 4.5A.75.75 0 1 1 8 6a.75.75 0 0 1 0-1.5z",
  Warning:
    "M8 1.5 15.2 14H.8zm0 2L2.5 13h11zM7.5 6h1v4h-1zm.5 5a.75.75 0 1 1 0 1.5.75.75 0 0 1 0-1.5z",
  ErrorBadge:
    "M8 1a7 7 0 1 1 0 14A7 7 0 0 1 8 1zm0 1a6 6 0 1 0 0 12A6 6 0 0 0 8 2zM5.5 4.8 8 7.3l2.5-2.5.7.7L8.7 8l2.5 2.5-.7.7L8 8.7l-2.5 2.5-.7-.7L7.3 8 4.8 5.5z",
  Completed:
    "M8 1a7 7 0 1 1 0 14A7 7 0 0 1 8 1zm0 1a6 6 0 1 0 0 12A6 6 0 0 0 8 2zm3.1 3.6.7.7L7 10.1 4.4 7.5l.7-.7L7 8.7z",
  Blocked2:
    "M8 1a7 7 0 1 1 0 14A7 7 0 0 1 8 1zM3.4 4.1a6 6 0 0 0 8.5 8.5zm.7-.7 8.5 8.5A6 6 0 0 0 4.1 3.4z",
  Lock: "M5 6V4.5a3 3 0 0 1 6 0V6h1a1 1 0 0 1 1 1v7a1 1 0 0 1-1 1H4a1 1 0 0 1-1-1V7a1 1 0 0 1 1-1zm1 0h4V4.5a2 2 0 0 0-4 0zM4 7v7h8V7z",
  Refresh: "M8 2a6 6 0 0 1 5.2 3H11v1h4V2h-1v2.1A7 7 0 1 0 15 8h-1a6 6 0 1 1-6-6z",
  More: "M3 7a1 1 0 1 1 0 2 1 1 0 0 1 0-2zm5 0a1 1 0 1 1 0 2 1 1 0 0 1 0-2zm5 0a1 1 0 1 1 0 2 1 1 0 0 1 0-2z",
  Add: "M7.5 2h1v5.5H14v1H8.5V14h-1V8.5H2v-1h5.5z",
  Undo: "M5 3 1.5 6.5 5 10l.7-.7-2.3-2.3H10a3.5 3.5 0 0 1 0 7H7v1h3a4.5 4.5 0 0 0 0-9H3.4l2.3-2.3z",
  Document: "M3 1h6.7L13 4.3V15H3zm1 1v12h8V5H9V2zm6 .7V4h1.3z",
};

function svg(path: string): ReactElement {
  return (
    <svg
      viewBox="0 0 16 16"
      width="1em"
      height="1em"
      aria-hidden="true"
      focusable="false"
      style={{ verticalAlign: "middle" }}
    >
      <path d={path} fill="currentColor" fillRule="evenodd" />
    </svg>
  );
}

let registered = false;

export function registerKlarbrevIcons(): void {
  if (registered) return;
  registered = true;
  const icons: Record<string, ReactElement> = {};
  for (const [name, path] of Object.entries(PATHS)) icons[name] = svg(path);
  icons["Clear"] = icons["Cancel"]!;
  registerIcons({ icons }, { disableWarnings: true });
}

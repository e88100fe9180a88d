import { approvalView, danishDate } from "../../src/templates/html-dashboard-data.js";
import type { Approval } from "../../src/templates/approvals.js";

/** How the dashboard reads approvals (issue 11, section 5): a draft is never "godkendt". */

const approval = (approvedBy: string): Approval => ({
  id: "klagevejledning",
  version: "1",
  sha256: "0".repeat(64),
  approvedBy,
  approvedAt: "2026-11-22T08:38:23.463Z",
  text: "",
});

describe("approvals on the dashboard", () => {
  test("the shipped draft: 'udkast: skal godkendes af ...', with who drafted it and when", () => {
    expect(
      approvalView(approval("Klarbrev-projektet (udkast, skal godkendes af kommunens jurister)"))
    ).toEqual({
      draft: true,
      text: "udkast: skal godkendes af kommunens jurister (udkastet er fra Klarbrev-projektet, 22. november 2026)",
    });
  });

  test("a draft that does not say by whom still is no approval", () => {
    expect(approvalView(approval("Udkast fra Jens"))).toMatchObject({
      draft: true,
      text: expect.stringMatching(/^udkast: skal godkendes af en jurist /u) as unknown,
    });
  });

  test("a real approval names the lawyer and the Danish date", () => {
    expect(approvalView(approval("Hanne Jurist"))).toEqual({
      draft: false,
      text: "godkendt af Hanne Jurist 22. november 2026",
    });
    expect(approvalView(undefined)).toBeUndefined();
    expect(danishDate("2027-01-05T23:59:00Z")).toBe("5. januar 2027");
  });
});

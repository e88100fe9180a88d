/**
 * @jest-environment jsdom
 */
import { act, fireEvent, render, screen } from "@testing-library/react";
import { useState } from "react";
import type { DocumentHost } from "../../src/taskpane/host.js";
import { da } from "../../src/taskpane/strings/da.js";
import { en } from "../../src/taskpane/strings/en.js";
import type { Strings } from "../../src/taskpane/strings/index.js";
import { useUntrackedQuestion } from "../../src/taskpane/ui/UntrackedQuestion.js";

/** Issue 10 item 8: on WordApi 1.3 the pane asks before edits go in untracked. */
function Harness({ host, t }: { host: Pick<DocumentHost, "tracksChanges">; t: Strings }) {
  const { ask, element } = useUntrackedQuestion(host, t);
  const [answer, setAnswer] = useState("none");
  return (
    <div>
      <button type="button" onClick={() => void ask().then((ok) => setAnswer(String(ok)))}>
        apply
      </button>
      <output data-testid="answer">{answer}</output>
      {element}
    </div>
  );
}

async function clickApply() {
  await act(async () => {
    fireEvent.click(screen.getByText("apply"));
  });
}

test("where Word tracks the edits, nothing is asked", async () => {
  render(<Harness host={{ tracksChanges: async () => true }} t={da} />);
  await clickApply();
  expect(screen.queryByTestId("untracked-question")).toBeNull();
  expect(screen.getByTestId("answer").textContent).toBe("true");
});

test("where it cannot, the user is asked first (Danish), and Annuller applies nothing", async () => {
  render(<Harness host={{ tracksChanges: async () => false }} t={da} />);
  await clickApply();
  const question = screen.getByRole("alertdialog");
  expect(question.textContent).toContain("kan ikke spore");
  expect(screen.getByTestId("answer").textContent).toBe("none");
  await act(async () => {
    fireEvent.click(screen.getByText("Annuller"));
  });
  expect(screen.getByTestId("answer").textContent).toBe("false");
  expect(screen.queryByRole("alertdialog")).toBeNull();
});

test("in English, agreeing applies untracked", async () => {
  render(<Harness host={{ tracksChanges: async () => false }} t={en} />);
  await clickApply();
  expect(screen.getByRole("alertdialog").textContent).toContain("cannot track");
  await act(async () => {
    fireEvent.click(screen.getByText("Insert untracked"));
  });
  expect(screen.getByTestId("answer").textContent).toBe("true");
});

import { describe, expect, it } from "vitest";
import { blankProject } from "./fixtures";
import { badge, progressLine, type StepState, started, stepStates } from "./progress";
import { steps } from "./steps";

const step = (id: string) => steps.find((s) => s.id === id)!;

describe("step progress", () => {
  it("a blank project has not started any step, the review included", () => {
    const states = stepStates([], blankProject(), blankProject());
    expect([...states.values()].map(badge)).toEqual(Array(10).fill("not started"));
    expect(progressLine(states)).toBe("0 of 10 steps complete.");
    const p = blankProject();
    p.organisation.legal_name = "Wren Ltd";
    expect(badge(stepStates([], p, blankProject()).get("review")!)).toBe("done");
  });

  it("the line under the steps is complete only when nothing is left to fix, check or start", () => {
    const states = new Map<string, StepState>(steps.map((s) => [s.id, { kind: "done" }]));
    expect(progressLine(states)).toBe("Every step has what the policy needs.");
    const checking = new Map<string, StepState>([...states, ["cookies", { kind: "check", count: 1 }]]);
    expect(progressLine(checking)).toBe("10 of 10 steps complete. 1 with points worth checking.");
  });

  it("a step starts once any answer it owns differs from blank, including per-item answers", () => {
    const p = blankProject();
    p.data = [{ category: "name", sources: ["directly"], required: false }];
    expect(started(step("data"), p, blankProject())).toBe(true);
    expect(started(step("keeping"), p, blankProject())).toBe(false);
    p.data[0].retention = { kind: "until-account-closed", grace_days: 30 };
    expect(started(step("keeping"), p, blankProject())).toBe(true);
    p.cookies.consent_banner = true;
    expect(started(step("cookies"), p, blankProject())).toBe(true);
  });

  it("findings outrank progress: errors to fix, then warnings to check", () => {
    const states = stepStates(
      [
        { code: "test.finding", field: "organisation.email", paths: ["organisation.email"], severity: "error", message: "", fix: "" },
        { code: "test.finding", field: "organisation.phone", paths: ["organisation.phone"], severity: "warning", message: "", fix: "" },
        { code: "test.finding", field: "cookies.consent_banner", paths: ["cookies.consent_banner"], severity: "warning", message: "", fix: "" },
      ],
      blankProject(),
      blankProject(),
    );
    expect(badge(states.get("organisation")!)).toBe("1 to fix");
    expect(badge(states.get("cookies")!)).toBe("1 to check");
  });
});

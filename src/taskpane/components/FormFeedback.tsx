// What a form says after the user acts: a progress line while working, the confirmation of what was saved,
// or why nothing was saved. One polite live region, so a screen reader reads each outcome once.
import { MessageBar, MessageBarBody, Spinner } from "@fluentui/react-components";

export type Feedback = { kind: "none" } | { kind: "working"; text: string } | { kind: "saved"; text: string } | { kind: "error"; text: string };

export function FormFeedback({ feedback }: { feedback: Feedback }) {
  return (
    <div role="status" aria-live="polite" data-testid="form-feedback">
      {feedback.kind === "working" && <Spinner size="tiny" label={feedback.text} />}
      {feedback.kind === "saved" && (
        <MessageBar intent="success">
          <MessageBarBody>{feedback.text}</MessageBarBody>
        </MessageBar>
      )}
      {feedback.kind === "error" && (
        <MessageBar intent="error">
          <MessageBarBody>{feedback.text}</MessageBarBody>
        </MessageBar>
      )}
    </div>
  );
}

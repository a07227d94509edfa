// A page that is not built yet: its heading and a short Danish text of what is coming.
import { Body1 } from "@fluentui/react-components";
import { PageFrame } from "./PageFrame";

export function ComingSoon({ heading, text }: { heading: string; text: string }) {
  return (
    <PageFrame heading={heading}>
      <Body1 as="p">{text}</Body1>
    </PageFrame>
  );
}

// The overview (Oversigt) page. Not built yet: it says what is coming; another part of the project replaces it.
import { ComingSoon } from "../components/ComingSoon";
import { messages } from "../messages";
import type { PageProps } from "../page-props";

export default function OversigtPage(_props: PageProps) {
  const m = messages.pages.oversigt;
  return <ComingSoon heading={m.heading} text={m.coming} />;
}

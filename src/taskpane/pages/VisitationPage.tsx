// The visitation (Visitation) page. Not built yet: it says what is coming; another part of the project replaces it.
import { ComingSoon } from "../components/ComingSoon";
import { messages } from "../messages";
import type { PageProps } from "../page-props";

export default function VisitationPage(_props: PageProps) {
  const m = messages.pages.visitation;
  return <ComingSoon heading={m.heading} text={m.coming} />;
}

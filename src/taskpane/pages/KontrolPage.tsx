// The check (Kontrol) page. Not built yet: it says what is coming; another part of the project replaces it.
import { ComingSoon } from "../components/ComingSoon";
import { messages } from "../messages";
import type { PageProps } from "../page-props";

export default function KontrolPage(_props: PageProps) {
  const m = messages.pages.kontrol;
  return <ComingSoon heading={m.heading} text={m.coming} />;
}

// A focus ring that shows where typing goes: Fluent's text inputs mark focus only with a thin underline,
// which is hard to see in a narrow pane. A 2 px outline in the theme's focus colour around the whole
// control, as the buttons have, is visible on every input, select and text area.
import { makeStyles, tokens } from "@fluentui/react-components";

export const useFocusRing = makeStyles({
  ring: {
    ":focus-within": {
      outlineWidth: "2px",
      outlineStyle: "solid",
      outlineColor: tokens.colorStrokeFocus2,
      outlineOffset: "1px",
    },
  },
});

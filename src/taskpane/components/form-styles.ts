// The layout the form pages share: a single column of fields, grouped sections, a row of actions.
import { makeStyles, tokens } from "@fluentui/react-components";

export const useFormStyles = makeStyles({
  form: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalM },
  group: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalS, border: "none", padding: 0, margin: 0 },
  legend: { fontWeight: tokens.fontWeightSemibold, paddingBottom: tokens.spacingVerticalXS },
  actions: { display: "flex", flexWrap: "wrap", columnGap: tokens.spacingHorizontalS, rowGap: tokens.spacingVerticalS, alignItems: "center" },
  row: { display: "flex", flexWrap: "wrap", columnGap: tokens.spacingHorizontalM, alignItems: "flex-end" },
  note: { color: tokens.colorNeutralForeground2 },
});

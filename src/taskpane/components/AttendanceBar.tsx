// The bar under the attendance list that stays in view while the list scrolls: the unit and date, how many
// citizens have a status ("12 af 32 registreret"), "Alle øvrige mødt", Gem and what the save said.
import { Body1, Button, makeStyles, tokens } from "@fluentui/react-components";
import { messages } from "../messages";
import { FormFeedback, type Feedback } from "./FormFeedback";

const useStyles = makeStyles({
  bar: {
    position: "sticky",
    bottom: 0,
    zIndex: 1,
    display: "flex",
    flexDirection: "column",
    rowGap: tokens.spacingVerticalXS,
    paddingBlock: tokens.spacingVerticalS,
    backgroundColor: tokens.colorNeutralBackground1,
    borderTop: `1px solid ${tokens.colorNeutralStroke1}`,
    boxShadow: tokens.shadow4,
  },
  line: { display: "flex", flexWrap: "wrap", columnGap: tokens.spacingHorizontalS, rowGap: tokens.spacingVerticalXS, alignItems: "center" },
  date: { fontWeight: tokens.fontWeightSemibold },
});

interface Props {
  unit: string;
  date: string;
  registered: number;
  total: number;
  canMarkAll: boolean;
  saving: boolean;
  feedback: Feedback;
  onAllMet: () => void;
  onSave: () => void;
}

export function AttendanceBar(p: Props) {
  const styles = useStyles();
  const m = messages.attendanceForm;
  return (
    <div role="group" aria-label={messages.attendanceGuide.barLabel} className={styles.bar} data-testid="attendance-bar">
      <div className={styles.line}>
        <Body1 className={styles.date}>{messages.attendanceGuide.barDate(p.unit, p.date)}</Body1>
        <Body1 aria-live="polite" data-testid="attendance-count">
          {m.registered(p.registered, p.total)}
        </Body1>
      </div>
      <div className={styles.line}>
        <Button disabled={!p.canMarkAll} onClick={p.onAllMet}>
          {m.allMet}
        </Button>
        <Button appearance="primary" disabled={p.saving} onClick={p.onSave}>
          {messages.forms.save}
        </Button>
      </div>
      <FormFeedback feedback={p.feedback} />
    </div>
  );
}

// The common frame of a task pane page: its heading (the page's accessible name) and its content.
import type { ReactNode } from "react";
import { makeStyles, tokens, Title3 } from "@fluentui/react-components";

const useStyles = makeStyles({
  // minWidth 0 and wrapping anywhere: a long sheet name or message wraps instead of widening the pane.
  frame: {
    display: "flex",
    flexDirection: "column",
    rowGap: tokens.spacingVerticalM,
    minWidth: 0,
    overflowWrap: "anywhere",
    "& .fui-MessageBarBody": { whiteSpace: "normal" },
    "& .fui-MessageBar": { height: "auto", paddingTop: tokens.spacingVerticalS, paddingBottom: tokens.spacingVerticalS },
  },
  heading: { margin: 0 },
});

export function PageFrame({ heading, children }: { heading: string; children: ReactNode }) {
  const styles = useStyles();
  return (
    <section className={styles.frame} aria-label={heading}>
      <Title3 as="h2" className={styles.heading}>
        {heading}
      </Title3>
      {children}
    </section>
  );
}

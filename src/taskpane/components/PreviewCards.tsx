// The Import page's preview of the first rows of Sager as one card per row: each column's name beside its
// value, only the columns the row fills. A table of fifteen columns cannot be read at pane width; cards
// can, and they never make the pane scroll sideways.
import { Body1, makeStyles, tokens } from "@fluentui/react-components";

const useStyles = makeStyles({
  list: { listStyleType: "none", margin: 0, padding: 0, display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalS },
  card: {
    border: `1px solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
    padding: tokens.spacingHorizontalS,
    backgroundColor: tokens.colorNeutralBackground1,
  },
  pairs: {
    display: "grid",
    gridTemplateColumns: "minmax(0, 2fr) minmax(0, 3fr)",
    columnGap: tokens.spacingHorizontalS,
    rowGap: tokens.spacingVerticalXXS,
    margin: 0,
  },
  term: { color: tokens.colorNeutralForeground2, overflowWrap: "anywhere" },
  value: { margin: 0, overflowWrap: "anywhere" },
});

export function PreviewCards({ headers, rows }: { headers: readonly string[]; rows: readonly (readonly string[])[] }) {
  const styles = useStyles();
  return (
    <ol className={styles.list} data-testid="import-preview" aria-labelledby="import-forhaand">
      {rows.map((r, i) => (
        <li key={i} className={styles.card}>
          <dl className={styles.pairs}>
            {headers.map((h, j) =>
              r[j] === "" ? null : (
                <div key={h} style={{ display: "contents" }}>
                  <dt className={styles.term}>
                    <Body1>{h}</Body1>
                  </dt>
                  <dd className={styles.value}>
                    <Body1>{r[j]}</Body1>
                  </dd>
                </div>
              )
            )}
          </dl>
        </li>
      ))}
    </ol>
  );
}

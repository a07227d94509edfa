// The day's citizens, one row each, built for speed by keyboard: a row is a radio group of statuses; the
// status's letter sets it and moves to the next citizen, arrows move between citizens (up and down) and
// statuses (left and right), a click sets a status too. Only one radio is in the tab order (roving focus).
import { makeStyles, mergeClasses, tokens } from "@fluentui/react-components";
import { useRef, type KeyboardEvent } from "react";
import { statusForKey } from "../forms/attendance-form";
import type { StatusOption } from "../forms/setup";
import { messages } from "../messages";

const useStyles = makeStyles({
  list: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalXS, margin: 0, padding: 0, listStyleType: "none" },
  row: {
    display: "flex",
    flexDirection: "column",
    rowGap: tokens.spacingVerticalXXS,
    paddingBlock: tokens.spacingVerticalXXS,
    borderBottom: `1px solid ${tokens.colorNeutralStroke2}`,
  },
  name: { fontWeight: tokens.fontWeightSemibold },
  note: { color: tokens.colorNeutralForeground3, fontWeight: tokens.fontWeightRegular },
  group: { display: "flex", flexWrap: "wrap", columnGap: tokens.spacingHorizontalXS, rowGap: tokens.spacingVerticalXXS },
  radio: {
    minWidth: "28px",
    height: "28px",
    border: `1px solid ${tokens.colorNeutralStroke1}`,
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorNeutralBackground1,
    color: tokens.colorNeutralForeground1,
    cursor: "pointer",
    fontFamily: "inherit",
    fontSize: tokens.fontSizeBase200,
    ":focus-visible": { outline: `2px solid ${tokens.colorStrokeFocus2}`, outlineOffset: "1px" },
  },
  checked: { backgroundColor: tokens.colorBrandBackground, color: tokens.colorNeutralForegroundOnBrand, border: `1px solid ${tokens.colorBrandBackground}` },
});

export interface AttendanceListRow {
  sagsId: string;
  label: string;
  status: string;
  /** True when the status comes from an earlier registration of the day. */
  registered: boolean;
}

interface Props {
  label: string;
  rows: readonly AttendanceListRow[];
  statuses: readonly StatusOption[];
  onSet: (sagsId: string, status: string) => void;
  /** "/" in the list: back to the jump field. */
  onJumpKey?: () => void;
}

export function AttendanceList({ label, rows, statuses, onSet, onJumpKey }: Props) {
  const styles = useStyles();
  const listRef = useRef<HTMLUListElement>(null);

  const focusRow = (i: number, statusIndex?: number) => {
    const row = listRef.current?.querySelectorAll<HTMLElement>('[role="radiogroup"]')[i];
    if (!row) return;
    const radios = row.querySelectorAll<HTMLElement>('[role="radio"]');
    const target = statusIndex !== undefined ? radios[statusIndex] : (row.querySelector<HTMLElement>('[aria-checked="true"]') ?? radios[0]);
    target?.focus();
  };

  const onKeyDown = (e: KeyboardEvent, i: number, statusIndex: number) => {
    if (e.ctrlKey || e.metaKey || e.altKey) return;
    if (e.key === "/" && onJumpKey) {
      e.preventDefault();
      onJumpKey();
      return;
    }
    const row = rows[i];
    const byKey = statusForKey(e.key, statuses);
    if (byKey) {
      e.preventDefault();
      onSet(row.sagsId, byKey);
      focusRow(Math.min(i + 1, rows.length - 1), i + 1 < rows.length ? undefined : statuses.findIndex((s) => s.status === byKey));
      return;
    }
    const move: Record<string, () => void> = {
      ArrowDown: () => focusRow(Math.min(i + 1, rows.length - 1)),
      ArrowUp: () => focusRow(Math.max(i - 1, 0)),
      Home: () => focusRow(0),
      End: () => focusRow(rows.length - 1),
      ArrowRight: () => {
        const next = (statusIndex + 1) % statuses.length;
        onSet(row.sagsId, statuses[next].status);
        focusRow(i, next);
      },
      ArrowLeft: () => {
        const prev = (statusIndex - 1 + statuses.length) % statuses.length;
        onSet(row.sagsId, statuses[prev].status);
        focusRow(i, prev);
      },
      " ": () => onSet(row.sagsId, statuses[statusIndex].status),
    };
    const action = move[e.key];
    if (action) {
      e.preventDefault();
      action();
    }
  };

  // The roving tab stop: the first row's checked (or first) status, so Tab from above lands on citizen one.
  return (
    <ul ref={listRef} className={styles.list} aria-label={label}>
      {rows.map((r, i) => {
        const nameId = `borger-${i}`;
        const checkedIndex = statuses.findIndex((s) => s.status === r.status);
        const tabStop = i === 0 ? Math.max(0, checkedIndex) : -1;
        return (
          <li key={r.sagsId} className={styles.row}>
            <span id={nameId} className={styles.name}>
              {r.label}
              {r.registered && <span className={styles.note}> ({messages.attendanceForm.existing})</span>}
            </span>
            <div role="radiogroup" aria-labelledby={nameId} className={styles.group}>
              {statuses.map((s, j) => (
                <button
                  key={s.status}
                  type="button"
                  role="radio"
                  aria-checked={r.status === s.status}
                  aria-label={s.status}
                  title={s.status}
                  tabIndex={j === tabStop ? 0 : -1}
                  className={mergeClasses(styles.radio, r.status === s.status && styles.checked)}
                  onClick={() => onSet(r.sagsId, s.status)}
                  onKeyDown={(e) => onKeyDown(e, i, j)}
                >
                  {s.kode || s.status}
                </button>
              ))}
            </div>
          </li>
        );
      })}
    </ul>
  );
}

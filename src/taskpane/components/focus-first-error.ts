// After a failed save, keyboard users land on the first field that needs fixing.
export function focusFirstError(root: HTMLElement | null): void {
  const el = root?.querySelector<HTMLElement>('[aria-invalid="true"]');
  el?.focus();
}

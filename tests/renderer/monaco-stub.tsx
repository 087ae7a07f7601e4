/**
 * jsdom cannot run Monaco: tests replace `@monaco-editor/react` with a textarea that has the
 * same controlled `value` / `onChange` contract. Import this module's `mockMonaco` in `vi.mock` factories.
 */
export function MonacoStub(props: {
  value?: string;
  onChange?: (v: string | undefined) => void;
  options?: { ariaLabel?: string };
}) {
  return (
    <textarea
      data-testid="monaco-stub"
      aria-label={props.options?.ariaLabel}
      value={props.value ?? ''}
      onChange={(e) => props.onChange?.(e.target.value)}
    />
  );
}

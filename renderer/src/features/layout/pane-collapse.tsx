import { useTranslation } from 'react-i18next';

/** What a pane needs to collapse itself into its rail (see Workbench.tsx). */
export interface PaneHandle {
  collapse: () => void;
  expand: () => void;
  collapsed: boolean;
}

/** The small button at the end of a pane's head that folds the pane into a rail. */
export function PaneCollapse({ handle, id, label }: { handle: PaneHandle; id: string; label: string }) {
  const { t } = useTranslation();
  const text = t('panes.collapse', { pane: label });
  return (
    <button
      type="button"
      className="pane-collapse icon-btn"
      data-testid={`collapse-${id}`}
      aria-label={text}
      title={text}
      onClick={handle.collapse}
    >
      <span className="codicon codicon-fold-horizontal" aria-hidden />
    </button>
  );
}

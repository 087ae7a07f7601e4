import { memo, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { textDiff } from './text-diff';

/** Inline character diff: deletions struck through in red, insertions underlined in green. */
export const DiffView = memo(function DiffView({
  before,
  after,
  testId,
}: {
  before: string;
  after: string;
  testId?: string;
}) {
  const { t } = useTranslation();
  const parts = useMemo(() => textDiff(before, after), [before, after]);
  const changed = parts.some((p) => p.kind !== 'same');
  return (
    <div className="diff" data-testid={testId}>
      {!changed && <p className="empty-note">{t('editor.noChanges')}</p>}
      {changed &&
        parts.map((p, i) =>
          p.kind === 'same' ? (
            <span key={i}>{p.text}</span>
          ) : p.kind === 'added' ? (
            <ins key={i}>{p.text}</ins>
          ) : (
            <del key={i}>{p.text}</del>
          ),
        )}
    </div>
  );
});

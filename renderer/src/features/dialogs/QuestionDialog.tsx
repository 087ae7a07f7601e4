import { useStore } from 'zustand';
import * as Dialog from '@radix-ui/react-dialog';
import { useAppContext } from '../../app-context';
import { answer, questionStore, textOf } from './questions';
import { useTranslation } from 'react-i18next';
import './dialogs.css';

/** The app's question dialog (questions.ts): modal, focus kept inside, Esc answers the question's cancel button. */
export function QuestionDialog() {
  const { store } = useAppContext();
  const { t } = useTranslation();
  const q = useStore(questionStore(store), (s) => s.queue[0]);
  return (
    <Dialog.Root
      open={!!q}
      onOpenChange={(open) => {
        if (!open && q) answer(store, q.cancel);
      }}
    >
      <Dialog.Portal>
        <Dialog.Overlay className="dlg-overlay" />
        {q && (
          <Dialog.Content
            className="dlg dlg-question"
            data-testid={q.testId ?? 'question-dialog'}
            onOpenAutoFocus={(e) => {
              e.preventDefault();
              const el = (e.currentTarget as HTMLElement | null)?.querySelectorAll<HTMLButtonElement>(
                '.dlg-actions button',
              )[q.focus ?? 0];
              el?.focus();
            }}
          >
            <Dialog.Title className="dlg-title">{textOf(t, q.title)}</Dialog.Title>
            {q.detail ? (
              <Dialog.Description className="dlg-detail">{textOf(t, q.detail)}</Dialog.Description>
            ) : (
              <Dialog.Description className="dlg-sr-only">{textOf(t, q.title)}</Dialog.Description>
            )}
            {q.items && q.items.length > 0 && (
              <ul className="dlg-items" data-testid="question-items">
                {q.items.slice(0, 50).map((it, i) => (
                  <li key={i}>{it}</li>
                ))}
              </ul>
            )}
            <div className="dlg-actions">
              {q.buttons.map((b, i) => (
                <button
                  key={i}
                  type="button"
                  className={b.tone ?? ''}
                  onClick={() => answer(store, i)}
                  data-testid={b.testId ?? `question-${i}`}
                >
                  {textOf(t, b.label)}
                </button>
              ))}
            </div>
          </Dialog.Content>
        )}
      </Dialog.Portal>
    </Dialog.Root>
  );
}

import { CleanupPanel } from '../cleanup/CleanupPanel';
import { FindPanel } from '../find-replace/FindPanel';
import { ReviewDialog } from '../review/ReviewDialog';
import { ExportDialog } from './ExportDialog';

/** The editors' panels and dialogs (docs/editors.md), mounted once by the App; each renders nothing while closed. */
export function EditorsLayer() {
  return (
    <>
      <CleanupPanel />
      <FindPanel />
      <ReviewDialog />
      <ExportDialog />
    </>
  );
}

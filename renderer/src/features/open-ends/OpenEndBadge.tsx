import { useTranslation } from 'react-i18next';
import type { OpenEndStamp } from '@shared/model/types';
import { formatReviewTime } from '../review/review-status';
import { openEndBadgeText } from './open-end-commands';
import './open-ends.css';

/**
 * On a board row whose open end the proofreader resolved: "text lost" / "continues on p. 3" / "ends here", with who
 * and when in the tooltip. The audit no longer counts it as work left.
 */
export function OpenEndBadge({ id, stamp }: { id: string; stamp: OpenEndStamp }) {
  const { t } = useTranslation();
  const at = stamp.at ? formatReviewTime(stamp.at) : '';
  const title = stamp.by ? t('openEnd.badgeTitle', { by: stamp.by, at }) : t('openEnd.badgeTitleNobody', { at });
  return (
    <span className={`open-end-badge open-end-${stamp.as}`} data-testid={`open-end-badge-${id}`} title={title}>
      {openEndBadgeText(stamp, t)}
    </span>
  );
}

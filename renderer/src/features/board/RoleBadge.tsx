import { memo } from 'react';
import { useTranslation } from 'react-i18next';
import type { Role } from '@shared/model/types';

/** Role badge; body text gets none, to keep the page readable. */
export const RoleBadge = memo(function RoleBadge({ role, always = false }: { role: Role; always?: boolean }) {
  const { t } = useTranslation();
  if (role === 'body' && !always) return null;
  return (
    <span className={`role-badge role-${role}`} data-role={role}>
      {t(`role.${role}`)}
    </span>
  );
});

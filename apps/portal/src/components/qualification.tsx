import { Badge, Group, Progress, Text, Tooltip } from '@mantine/core';
import { IconAlertTriangle, IconCircleCheck } from '@tabler/icons-react';
import type { Qualification } from '@partnerline/domain';
import { formatDate } from '@partnerline/ui';
import { useTranslation } from 'react-i18next';
import { useLocale } from './training';

export function QualificationBadge({ compliant }: { compliant: boolean }) {
  const { t } = useTranslation();
  return (
    <Badge color={compliant ? 'green' : 'red'} variant="light" leftSection={compliant ? <IconCircleCheck size={12} /> : <IconAlertTriangle size={12} />}>
      {compliant ? t('qualification.compliant') : t('qualification.notCompliant')}
    </Badge>
  );
}

/** One requirement: held of required, the holders, and the gap in words ("needs 1 more Presales certified on …"). */
export function QualificationLineView({ line: l, lineName }: { line: Qualification['lines'][number]; lineName: string }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const role = t(`jobRoles.${l.jobRole}`, { ns: 'ui' });
  return (
    <div>
      <Group justify="space-between" wrap="nowrap" gap="xs">
        <Text size="sm" fw={500}>
          {role} · {lineName}
        </Text>
        <Text size="sm" c={l.missing > 0 ? 'red' : 'green'} fw={600}>
          {t('qualification.heldOf', { held: l.held, required: l.required })}
        </Text>
      </Group>
      <Progress value={l.required ? Math.min(100, (l.held * 100) / l.required) : 100} color={l.missing > 0 ? 'red' : 'green'} size="sm" my={4} aria-label={`${role} · ${lineName}`} />
      {l.missing > 0 ? (
        <Text size="xs" c="red">
          {t('qualification.needsMore', { count: l.missing, role, line: lineName })}
        </Text>
      ) : null}
      {l.holders.length > 0 && (
        <Group gap={4} mt={2}>
          {l.holders.map((h) => (
            <Tooltip key={h.userId} label={t('qualification.validUntil', { date: formatDate(h.expiresOn, locale) })}>
              <Badge variant="outline" color="gray" size="sm" tt="none">
                {h.name}
              </Badge>
            </Tooltip>
          ))}
        </Group>
      )}
    </div>
  );
}


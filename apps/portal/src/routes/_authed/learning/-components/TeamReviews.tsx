import { Accordion, Alert, Badge, Card, Group, Stack, Table, Text } from '@mantine/core';
import { IconClipboardCheck } from '@tabler/icons-react';
import type { QualificationReview } from '@partnerline/domain';
import { formatDate, formatDateTime, StatusBadge } from '@partnerline/ui';
import { useTranslation } from 'react-i18next';
import { useLocale } from '../../../../components/training';

export function Reviews({ reviews }: { reviews: QualificationReview[] }) {
  const { t } = useTranslation();
  const locale = useLocale();
  if (reviews.length === 0) {
    return (
      <Card>
        <Text c="dimmed">{t('reviews.none')}</Text>
      </Card>
    );
  }
  const sorted = [...reviews].sort((a, b) => b.dueOn.localeCompare(a.dueOn));
  return (
    <Stack>
      <Text size="sm" c="dimmed">
        {t('reviews.intro')}
      </Text>
      <Accordion variant="separated" multiple defaultValue={sorted.slice(0, 2).map((r) => r.id)}>
        {sorted.map((r) => (
          <Accordion.Item key={r.id} value={r.id}>
            <Accordion.Control icon={<IconClipboardCheck size={18} />}>
              <Group justify="space-between" pr="md">
                <Group gap="sm">
                  <Text fw={600}>{t('reviews.dueOn', { date: formatDate(r.dueOn, locale) })}</Text>
                  <StatusBadge kind="review" value={r.status} />
                  {r.overdue && (
                    <Badge color="red" variant="filled">
                      {t('reviews.overdue')}
                    </Badge>
                  )}
                </Group>
                {r.result && (
                  <Badge color={r.result === 'pass' ? 'green' : 'red'} size="lg" variant="light">
                    {t(`reviews.result.${r.result}`)}
                  </Badge>
                )}
              </Group>
            </Accordion.Control>
            <Accordion.Panel>
              {r.status === 'scheduled' ? (
                <Text size="sm" c="dimmed">
                  {r.overdue ? t('reviews.overdueHint') : t('reviews.scheduledHint')}
                </Text>
              ) : (
                <Stack gap="sm">
                  <Text size="sm" c="dimmed">
                    {t('reviews.completedBy', { name: r.reviewerName ?? '—', date: formatDateTime(r.completedAt, locale) })}
                  </Text>
                  <Table verticalSpacing="xs">
                    <Table.Tbody>
                      {r.certifiedStaff && (
                        <Table.Tr>
                          <Table.Th w="30%">{t('reviews.checks.certifiedStaff')}</Table.Th>
                          <Table.Td w={90}>
                            <PassBadge pass={r.certifiedStaff.pass} />
                          </Table.Td>
                          <Table.Td>
                            {r.certifiedStaff.gaps.length === 0
                              ? '—'
                              : r.certifiedStaff.gaps.map((g, i) => (
                                  <Text key={i} size="sm">
                                    {g.agreementNumber}:{' '}
                                    {t('qualification.needsMore', {
                                      count: g.missing,
                                      role: t(`jobRoles.${g.jobRole}`, { ns: 'ui' }),
                                      line: g.productLineCode,
                                    })}
                                  </Text>
                                ))}
                          </Table.Td>
                        </Table.Tr>
                      )}
                      {r.checklist &&
                        (['demoEnvironment', 'marketingQuality', 'afterSalesProcess'] as const).map((k) => (
                          <Table.Tr key={k}>
                            <Table.Th w="30%">{t(`reviews.checks.${k}`)}</Table.Th>
                            <Table.Td w={90}>
                              <PassBadge pass={r.checklist![k].pass} />
                            </Table.Td>
                            <Table.Td>
                              <Text size="sm">{r.checklist![k].notes || '—'}</Text>
                            </Table.Td>
                          </Table.Tr>
                        ))}
                    </Table.Tbody>
                  </Table>
                  {r.checklist?.notes && (
                    <Alert color="gray" title={t('reviews.notes')}>
                      <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
                        {r.checklist.notes}
                      </Text>
                    </Alert>
                  )}
                </Stack>
              )}
            </Accordion.Panel>
          </Accordion.Item>
        ))}
      </Accordion>
    </Stack>
  );
}

function PassBadge({ pass }: { pass: boolean }) {
  const { t } = useTranslation();
  return (
    <Badge color={pass ? 'green' : 'red'} variant="light">
      {pass ? t('reviews.pass') : t('reviews.fail')}
    </Badge>
  );
}

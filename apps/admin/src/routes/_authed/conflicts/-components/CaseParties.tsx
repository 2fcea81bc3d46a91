import { Anchor, Badge, Card, Group, Stack, Table, Text } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { formatDate, formatDateTime, formatMoney, StatusBadge } from '@partnerline/ui';
import { Link } from '@tanstack/react-router';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { type CaseParty, matchWords } from './case-parties';

/**
 * The parties of a case: a table on wide screens, one compact card per party on a phone. Both scale to a case of
 * 64 parties (rows wrap their text; nothing is laid out side by side per party).
 */
export function CaseParties({
  parties,
  recommendedKey,
  timeZone,
}: {
  parties: readonly CaseParty[];
  recommendedKey?: string;
  timeZone?: string;
}) {
  const { t, i18n } = useTranslation();
  const locale = i18n.language === 'zh-CN' ? 'zh-CN' : 'en';
  const wide = useMediaQuery('(min-width: 62em)', true);

  const name = (p: CaseParty) => (
    <Stack gap={4}>
      <Text fw={700} size="sm">
        {p.name}
      </Text>
      <Group gap={4}>
        <Badge size="xs" variant="light" color={p.kind === 'exclusive_holder' ? 'grape' : p.kind === 'direct_account' ? 'blue' : 'gray'}>
          {t(`conflicts.partyKind.${p.kind}`)}
        </Badge>
        {p.key === recommendedKey && (
          <Badge size="xs" color="indigo">
            {t('conflicts.recommended')}
          </Badge>
        )}
        {p.onTrial && (
          <Badge size="xs" color="yellow">
            {t('conflicts.onTrial')}
          </Badge>
        )}
        {p.intruder && (
          <Badge size="xs" color="red">
            {t('conflicts.intruder')}
          </Badge>
        )}
        {p.exclusiveOwner && p.kind === 'registration' && (
          <Badge size="xs" color="grape">
            {t('conflicts.exclusiveOwner')}
          </Badge>
        )}
        {p.incumbent && (
          <Badge size="xs" color="teal">
            {t('conflicts.incumbent')}
          </Badge>
        )}
      </Group>
      {p.customerName && (
        <Text size="xs" c="dimmed">
          {p.customerName}
        </Text>
      )}
    </Stack>
  );
  const why = (p: CaseParty) => (
    <Text size="sm" data-testid="match">
      {matchWords(t, p.match, locale)}
    </Text>
  );
  const agreement = (p: CaseParty): ReactNode => {
    if (p.kind === 'direct_account') return <Text size="sm">{t('conflicts.directOwner', { owner: p.owner ?? '—' })}</Text>;
    if (p.agreementId)
      return (
        <Text size="sm">
          {t('conflicts.exclusiveAgreement')}{' '}
          <Anchor
            size="sm"
            renderRoot={(props) => <Link {...props} to="/agreements/$agreementId" params={{ agreementId: p.agreementId! }} />}
          >
            {p.agreementNumber}
          </Anchor>
          {p.period && ` (${formatDate(p.period.from, locale)} – ${formatDate(p.period.until, locale)})`}
        </Text>
      );
    return (
      <Text size="sm">
        {p.agreementType ? t('conflicts.agreement', { type: t(`agreementType.${p.agreementType}`) }) : t('conflicts.noAgreement')}
      </Text>
    );
  };
  const registered = (p: CaseParty) => (p.submittedAt ? formatDateTime(p.submittedAt, locale, timeZone) : '—');
  const amount = (p: CaseParty) => (p.estimatedAmount ? formatMoney(p.estimatedAmount, locale) : '—');
  const outcome = (p: CaseParty) => (
    <Group gap={4}>
      {p.status && <StatusBadge kind="registration" value={p.status} />}
      {p.sharePercent !== null && <Badge color="green">{p.sharePercent}%</Badge>}
      {p.awarded === true && p.kind === 'exclusive_holder' && <Badge color="green">{t('conflicts.awarded')}</Badge>}
    </Group>
  );

  if (!wide)
    return (
      <Stack gap="xs" data-testid="parties">
        {parties.map((p) => (
          <Card key={p.key} padding="sm" data-testid="party">
            <Stack gap={6}>
              <Group justify="space-between" align="flex-start" wrap="nowrap">
                {name(p)}
                {outcome(p)}
              </Group>
              <Text size="xs" fw={600} c="dimmed">
                {t('conflicts.whyMatched')}
              </Text>
              {why(p)}
              {agreement(p)}
              {p.kind === 'registration' && (
                <Text size="xs" c="dimmed">
                  {t('conflicts.submitted', { when: registered(p) })} · {amount(p)}
                </Text>
              )}
            </Stack>
          </Card>
        ))}
      </Stack>
    );

  return (
    <Card padding={0} data-testid="parties">
      <Table.ScrollContainer minWidth={900}>
        <Table verticalSpacing="sm" striped highlightOnHover layout="fixed">
          <Table.Thead>
            <Table.Tr>
              <Table.Th w="20%">{t('conflicts.party')}</Table.Th>
              <Table.Th w="28%">{t('conflicts.whyMatched')}</Table.Th>
              <Table.Th w="18%">{t('conflicts.agreementCol')}</Table.Th>
              <Table.Th w="11%">{t('conflicts.registeredCol')}</Table.Th>
              <Table.Th w="12%" ta="right">
                {t('conflicts.amountCol')}
              </Table.Th>
              <Table.Th w="11%">{t('conflicts.statusCol')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {parties.map((p) => (
              <Table.Tr key={p.key} data-testid="party">
                <Table.Td>{name(p)}</Table.Td>
                <Table.Td style={{ overflowWrap: 'anywhere' }}>{why(p)}</Table.Td>
                <Table.Td>{agreement(p)}</Table.Td>
                <Table.Td>
                  <Text size="xs">{registered(p)}</Text>
                </Table.Td>
                <Table.Td ta="right">
                  <Text size="sm" style={{ whiteSpace: 'nowrap' }}>
                    {amount(p)}
                  </Text>
                </Table.Td>
                <Table.Td>{outcome(p)}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </Card>
  );
}

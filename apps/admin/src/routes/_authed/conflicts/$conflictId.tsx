import { Alert, Anchor, Badge, Group, Stack, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { ApiError, meQueryOptions, StatusBadge, uuidParam } from '@partnerline/ui';
import { useSuspenseQuery } from '@tanstack/react-query';
import { createFileRoute, Link } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { conflictQueryOptions, useResolve } from '../../../api/registrations';
import { CaseParties } from './-components/CaseParties';
import { caseParties, recommendedParty } from './-components/case-parties';
import { Recommendation } from './-components/Recommendation';
import { ResolveForm } from './-components/ResolveForm';

export const Route = createFileRoute('/_authed/conflicts/$conflictId')({
  params: { parse: (p) => ({ conflictId: uuidParam(p.conflictId) }), stringify: (p) => p },
  loader: ({ context, params }) => context.queryClient.ensureQueryData(conflictQueryOptions(params.conflictId)),
  component: ConflictCase,
});

function ConflictCase() {
  const { t } = useTranslation();
  const { conflictId } = Route.useParams();
  const { data: c } = useSuspenseQuery(conflictQueryOptions(conflictId));
  const { data: user } = useSuspenseQuery(meQueryOptions());
  const resolve = useResolve(conflictId);
  const [error, setError] = useState<string | null>(null);
  const parties = caseParties(c);
  const recommended = recommendedParty(c, parties);
  const canResolve = c.status === 'open' && (user?.role === 'vendor_admin' || user?.role === 'channel_manager');
  const customer = c.registrations[0]?.customerName ?? c.directAccounts[0]?.name ?? '';

  return (
    <Stack maw={1300}>
      <Anchor size="sm" renderRoot={(props) => <Link {...props} to="/conflicts" />}>
        ← {t('conflicts.back')}
      </Anchor>
      <Group gap="sm" align="center">
        <Title order={2} style={{ overflowWrap: 'anywhere' }}>
          {customer}
        </Title>
        <Badge variant="outline" size="lg">
          {t('conflicts.caseNumber', { number: c.number })}
        </Badge>
        {c.kinds.map((k) => (
          <StatusBadge key={k} kind="conflictKind" value={k} size="lg" />
        ))}
        <Badge variant="default">{c.status === 'open' ? t('conflicts.open') : t(`conflicts.outcome.${c.resolution}`)}</Badge>
      </Group>
      <Text size="sm" c="dimmed">
        {t('conflicts.partyCount', { count: parties.length })}
      </Text>
      {c.recommendation && <Recommendation reasons={c.recommendation.reasons} party={recommended} />}
      {c.rationale && <Alert color="gray">{c.rationale}</Alert>}
      <CaseParties parties={parties} recommendedKey={recommended?.key} timeZone={user?.timeZone} />
      {canResolve && (
        <ResolveForm
          parties={parties}
          recommended={recommended}
          pending={resolve.isPending}
          error={error}
          onSubmit={(body) => {
            setError(null);
            resolve.mutate(body, {
              onSuccess: () => notifications.show({ color: 'green', message: t('conflicts.done') }),
              onError: (e) => setError(e instanceof ApiError ? (e.issues[0]?.message ?? e.message) : t('conflicts.failed')),
            });
          }}
        />
      )}
    </Stack>
  );
}

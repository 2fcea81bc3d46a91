import { Alert, Anchor, Badge, Button, Card, Group, NumberInput, Radio, SegmentedControl, SimpleGrid, Stack, Text, Textarea, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { IconBulb } from '@tabler/icons-react';
import { ApiError, formatDateTime, formatMoney, meQueryOptions, StatusBadge } from '@partnerline/ui';
import { useSuspenseQuery } from '@tanstack/react-query';
import { createFileRoute, Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { conflictQueryOptions, useResolve } from '../../../api/registrations';

export const Route = createFileRoute('/_authed/conflicts/$conflictId')({
  params: { parse: (p) => ({ conflictId: z.uuid().parse(p.conflictId) }), stringify: (p) => p },
  loader: ({ context, params }) => context.queryClient.ensureQueryData(conflictQueryOptions(params.conflictId)),
  component: ConflictCase,
});

type Mode = 'award' | 'split' | 'reject_all' | 'dismiss';

function ConflictCase() {
  const { t, i18n } = useTranslation();
  const locale = i18n.language === 'zh-CN' ? 'zh-CN' : 'en';
  const { conflictId } = Route.useParams();
  const { data: c } = useSuspenseQuery(conflictQueryOptions(conflictId));
  const { data: user } = useSuspenseQuery(meQueryOptions());
  const resolve = useResolve(conflictId);
  const rec = c.recommendation;
  // The resolution is checked by the server (which answers with a translated issue); the form only gathers it.
  const form = useForm({
    initialValues: {
      mode: 'award' as Mode,
      winner: rec?.winnerId && c.registrations.some((r) => r.id === rec.winnerId) ? rec.winnerId : (c.registrations[0]?.id ?? ''),
      shares: Object.fromEntries(c.registrations.map((r) => [r.id, Math.floor(100 / Math.max(1, c.registrations.length))])) as Record<string, number | string>,
      rationale: '',
    },
  });
  const { mode, winner, shares, rationale } = form.values;
  const error = form.errors.form;
  const canResolve = c.status === 'open' && (user?.role === 'vendor_admin' || user?.role === 'channel_manager');
  const total = Object.values(shares).reduce<number>((s, v) => s + Number(v || 0), 0);
  const recWinner = c.registrations.find((r) => r.id === rec?.winnerId)?.partnerName ?? c.directAccounts.find((d) => d.id === rec?.winnerId)?.name;

  const submit = () => {
    form.clearErrors();
    const body =
      mode === 'award'
        ? { resolution: mode, winnerRegistrationId: winner, rationale }
        : mode === 'split'
          ? { resolution: mode, shares: c.registrations.map((r) => ({ registrationId: r.id, percent: Number(shares[r.id]) })), rationale }
          : { resolution: mode, rationale };
    resolve.mutate(body, {
      onSuccess: () => notifications.show({ color: 'green', message: t('conflicts.done') }),
      onError: (e) => form.setFieldError('form', e instanceof ApiError ? (e.issues[0]?.message ?? e.message) : String(e)),
    });
  };

  return (
    <Stack maw={1300}>
      <Anchor size="sm" renderRoot={(props) => <Link {...props} to="/conflicts" />}>
        ← {t('conflicts.back')}
      </Anchor>
      <Group gap="sm">
        <Title order={2}>{c.registrations[0]?.customerName}</Title>
        <StatusBadge kind="conflictKind" value={c.kind} size="lg" />
        <Badge variant="default">{c.status === 'open' ? t('conflicts.open') : t(`conflicts.outcome.${c.resolution}`)}</Badge>
      </Group>
      {rec && (
        <Alert color="indigo" icon={<IconBulb size={18} />} title={t('conflicts.recommendation')} data-testid="recommendation">
          {t('conflicts.recommendAward', { partner: recWinner })} — {rec.reasons.map((r) => t(`conflicts.reasons.${r}`)).join(locale === 'zh-CN' ? '；' : '; ')}
        </Alert>
      )}
      {c.rationale && <Alert color="gray">{c.rationale}</Alert>}
      <SimpleGrid cols={{ base: 1, md: Math.min(3, c.registrations.length + c.directAccounts.length + c.exclusiveHolders.length) as 1 | 2 | 3 }}>
        {c.registrations.map((r) => (
          <Card key={r.id}>
            <Stack gap={6}>
              <Group justify="space-between">
                <Text fw={700}>{r.partnerName}</Text>
                <StatusBadge kind="registration" value={r.status} />
              </Group>
              <Text size="sm">{r.customerName}</Text>
              <Text size="xs" c="dimmed">
                {t('conflicts.submitted', { when: formatDateTime(r.submittedAt, locale, user?.timeZone) })}
              </Text>
              <Text size="sm">{r.agreementType ? t('conflicts.agreement', { type: t(`agreementType.${r.agreementType}`) }) : t('conflicts.noAgreement')}</Text>
              <Group gap={6}>
                {r.exclusiveOwner && <Badge color="grape">{t('conflicts.exclusiveOwner')}</Badge>}
                {r.incumbent && <Badge color="teal">{t('conflicts.incumbent')}</Badge>}
                {r.sharePercent !== null && <Badge color="green">{r.sharePercent}%</Badge>}
              </Group>
              <Text size="sm">{formatMoney(r.estimatedAmount, locale)}</Text>
              {Object.entries(r.evidence).map(([k, v]) => (
                <Text key={k} size="xs" c="dimmed">
                  {t(`agreementForm.${k}`)}: {v}
                </Text>
              ))}
            </Stack>
          </Card>
        ))}
        {c.directAccounts.map((d) => (
          <Card key={d.id}>
            <Text fw={700}>{t('conflicts.directAccount', { name: d.name, owner: d.owner ?? '—' })}</Text>
          </Card>
        ))}
        {c.exclusiveHolders.map((h) => (
          <Card key={h.agreementId}>
            <Text fw={700}>{t('conflicts.holder', { partner: h.partnerName, from: h.from, until: h.until })}</Text>
          </Card>
        ))}
      </SimpleGrid>
      {canResolve && (
        <Card>
          <Stack>
            <Title order={4}>{t('conflicts.resolve')}</Title>
            <SegmentedControl w="fit-content" {...form.getInputProps('mode')} data={(['award', 'split', 'reject_all', 'dismiss'] as const).map((m) => ({ value: m, label: t(`conflicts.${m}`) }))} />
            {mode === 'award' && (
              <Radio.Group label={t('conflicts.winner')} {...form.getInputProps('winner')}>
                <Stack gap={4} mt={4}>
                  {c.registrations.map((r) => (
                    <Radio key={r.id} value={r.id} label={r.partnerName} />
                  ))}
                </Stack>
              </Radio.Group>
            )}
            {mode === 'split' && (
              <Group>
                {c.registrations.map((r) => (
                  <NumberInput key={r.id} label={t('conflicts.share', { partner: r.partnerName })} min={1} max={99} allowDecimal={false} value={shares[r.id]} onChange={(v) => form.setFieldValue(`shares.${r.id}`, v)} w={220} />
                ))}
                <Text size="sm" c={total === 100 ? 'green' : 'red'} mt="lg">
                  {t('conflicts.share_total', { total })}
                </Text>
              </Group>
            )}
            <Textarea label={t('conflicts.rationale')} autosize minRows={3} {...form.getInputProps('rationale')} required />
            {error && <Alert color="red">{error}</Alert>}
            <Group justify="flex-end">
              <Button loading={resolve.isPending} onClick={submit}>
                {t('conflicts.resolve')}
              </Button>
            </Group>
          </Stack>
        </Card>
      )}
    </Stack>
  );
}

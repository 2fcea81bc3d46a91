import { businessDateOf, DepositEventSchema } from '@partnerline/domain';
import { Alert, Anchor, Button, Card, Group, Select, SimpleGrid, Stack, Text, TextInput, Timeline, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { agreementsQueryOptions, ApiError, errorMessage, Fact, formatDate, formatDateTime, fieldPathProps, meQueryOptions, StatusBadge, useLocale, zodForm } from '@partnerline/ui';
import { useQuery, useSuspenseQuery } from '@tanstack/react-query';
import { createFileRoute, Link } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { depositQueryOptions, usePostDepositEvent } from '../../../api/rebates';
import type { AgreementDeposit } from '@partnerline/domain';
import { canManageRebates } from '../../../nav';
import { fieldSpecs } from '../../../form-fields';
import { useMoney, usePercent } from './-components/bits';
import { onRefused } from '../../../refusal';
import { RebatesHeader } from './-components/RebatesHeader';

const SearchSchema = z.object({ agreementId: z.uuid().optional() });
const EXCLUSIVE = { type: 'exclusive', page: 1, pageSize: 200 } as const;

export const Route = createFileRoute('/_authed/rebates/deposits')({
  validateSearch: SearchSchema,
  loader: ({ context }) => context.queryClient.prefetchQuery(agreementsQueryOptions(EXCLUSIVE)),
  component: DepositsPage,
});

/** Deposits per exclusive agreement: status, amounts and dates, events, and the next transition. */
function DepositsPage() {
  const { t } = useTranslation();
  const search = Route.useSearch();
  const navigate = Route.useNavigate();
  const agreements = useQuery(agreementsQueryOptions(EXCLUSIVE)).data?.items ?? [];
  const options = agreements
    .filter((a) => ['active', 'expired', 'terminated', 'renewed'].includes(a.status))
    .map((a) => ({ value: a.id, label: `${a.number} · ${a.partnerName}` }));
  const agreementId = search.agreementId ?? options[0]?.value;
  return (
    <Stack maw={1100}>
      <RebatesHeader active="deposits" />
      {options.length === 0 ? (
        <Text c="dimmed">{t('rebates.deposits.noneExclusive')}</Text>
      ) : (
        <Select
          label={t('rebates.deposits.agreement')}
          placeholder={t('rebates.deposits.choose')}
          searchable
          data={options}
          value={agreementId ?? null}
          onChange={(v) => void navigate({ search: { agreementId: v ?? undefined } })}
          allowDeselect={false}
          w={{ base: '100%', sm: 420 }}
        />
      )}
      {agreementId && (
        <DepositCard agreementId={agreementId} label={options.find((o) => o.value === agreementId)?.label ?? t('rebates.agreement')} />
      )}
    </Stack>
  );
}

function DepositCard({ agreementId, label }: { agreementId: string; label: string }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const money = useMoney();
  const pct = usePercent();
  const { data: me } = useSuspenseQuery(meQueryOptions());
  const { data: d, error } = useQuery({ ...depositQueryOptions(agreementId), retry: false });
  if (error) return <Alert color={error instanceof ApiError && error.status === 404 ? 'gray' : 'red'}>{errorMessage(error)}</Alert>;
  if (!d) return null;
  return (
    <>
      <Card>
        <Group justify="space-between" mb="sm">
          <Anchor fw={600} renderRoot={(props) => <Link {...props} to="/agreements/$agreementId" params={{ agreementId }} />}>
            {label}
          </Anchor>
          <StatusBadge kind="deposit" value={d.status} size="lg" />
        </Group>
        <SimpleGrid cols={{ base: 2, sm: 4 }} spacing="sm">
          <Fact label={t('rebates.deposits.amount')}>{money(d.amount)}</Fact>
          <Fact label={t('rebates.deposits.dueOn')}>{formatDate(d.dueOn, locale)}</Fact>
          <Fact label={t('rebates.deposits.handling')}>{t(`rebates.deposits.handlings.${d.handling}`)}</Fact>
          <Fact label={t('rebates.deposits.facts')}>
            <Text size="xs" c={d.performanceReached ? 'green' : 'dimmed'}>
              {d.performanceReached ? t('rebates.deposits.performanceReached') : t('rebates.deposits.performanceNotReached')}
            </Text>
            <Text size="xs" c="dimmed">
              {d.attainmentPercent === null
                ? t('rebates.deposits.noEndedPeriod', { threshold: pct(d.thresholdPercent) })
                : t('rebates.deposits.attainment', { attainment: pct(d.attainmentPercent), threshold: pct(d.thresholdPercent) })}
            </Text>
            {d.terminatedForBreach && (
              <Text size="xs" c="red">
                {t('rebates.deposits.terminatedForBreach')}
              </Text>
            )}
          </Fact>
        </SimpleGrid>
      </Card>
      <Card>
        <Title order={3} size="h5" mb="sm">
          {t('rebates.deposits.events')}
        </Title>
        {d.events.length === 0 ? (
          <Text size="sm" c="dimmed">
            {t('rebates.deposits.noEvents')}
          </Text>
        ) : (
          <Timeline active={d.events.length} bulletSize={16}>
            {d.events.map((e) => (
              <Timeline.Item
                key={e.id}
                title={t('rebates.deposits.event', { from: t(`rebates.depositStatus.${e.from}`), to: t(`rebates.depositStatus.${e.to}`) })}
              >
                <Text size="sm">
                  {money(e.amount)} · {formatDate(e.occurredOn, locale)}
                  {e.reference ? ` · ${e.reference}` : ''}
                </Text>
                {e.note && <Text size="sm">{e.note}</Text>}
                <Text size="xs" c="dimmed">
                  {e.createdBy.name} · {formatDateTime(e.createdAt, locale, me?.timeZone)}
                </Text>
              </Timeline.Item>
            ))}
          </Timeline>
        )}
      </Card>
      {canManageRebates(me?.role) && <PostTransition key={d.status} deposit={d} timeZone={me?.timeZone} />}
    </>
  );
}

/** The states a deposit event may move to, in the API's order. */
const DEPOSIT_TARGETS = DepositEventSchema.shape.to.options;

type DepositEventValues = { to: string | null; occurredOn: string; reference: string; note: string };
const depositEventForm = zodForm(
  DepositEventSchema,
  (v: DepositEventValues) => ({ ...v, reference: v.reference.trim() || undefined, note: v.note.trim() || undefined }),
  {},
  () => fieldSpecs('depositEvent'),
);

function PostTransition({ deposit, timeZone }: { deposit: AgreementDeposit; timeZone?: string }) {
  const { t } = useTranslation();
  const post = usePostDepositEvent(deposit.agreementId);
  const targets = DEPOSIT_TARGETS.filter((s) => deposit.allowed.includes(s));
  const [refusal, setRefusal] = useState<string | null>(null);
  const form = useForm<DepositEventValues>({
    initialValues: { to: targets[0] ?? null, occurredOn: businessDateOf(new Date(), timeZone), reference: '', note: '' },
    validate: depositEventForm.validate,
    enhanceGetInputProps: fieldPathProps,
  });
  const submit = form.onSubmit((values) =>
    post.mutate(depositEventForm.parse(values), {
      onSuccess: () => {
        setRefusal(null);
        form.setValues({ reference: '', note: '' });
        notifications.show({ color: 'green', message: t('rebates.deposits.saved') });
      },
      onError: onRefused(form, setRefusal, fieldSpecs('depositEvent')),
    }),
  );
  const { to, occurredOn } = form.values;
  return (
    <Card>
      <Title order={3} size="h5" mb={4}>
        {t('rebates.deposits.post')}
      </Title>
      <Text size="xs" c="dimmed" mb="sm">
        {t('rebates.deposits.rule')}
      </Text>
      {targets.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('rebates.deposits.nothingAllowed')}
        </Text>
      ) : (
        <Group align="end" gap="sm">
          <Select
            label={t('rebates.deposits.to')}
            data={DEPOSIT_TARGETS.map((s) => ({ value: s, label: t(`rebates.depositStatus.${s}`), disabled: !deposit.allowed.includes(s) }))}
            {...form.getInputProps('to')}
            w={{ base: '100%', sm: 180 }}
          />
          <TextInput
            type="date"
            label={t('rebates.deposits.occurredOn')}
            {...form.getInputProps('occurredOn')}
            w={{ base: '100%', sm: 170 }}
          />
          <TextInput
            label={t('rebates.deposits.reference')}
            {...form.getInputProps('reference')}
            maxLength={200}
            w={{ base: '100%', sm: 180 }}
          />
          <TextInput
            label={t('rebates.deposits.note')}
            {...form.getInputProps('note')}
            maxLength={2000}
            w={{ base: '100%', sm: 240 }}
          />
          <Button onClick={() => submit()} loading={post.isPending} disabled={!to || !occurredOn}>
            {t('rebates.deposits.save')}
          </Button>
        </Group>
      )}
      {refusal && (
        <Alert color="red" title={t('rebates.statements.refused')} role="alert" mt="sm">
          {refusal}
        </Alert>
      )}
    </Card>
  );
}

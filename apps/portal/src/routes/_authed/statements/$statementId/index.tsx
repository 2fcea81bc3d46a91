import { Anchor, Badge, Button, Card, Group, Modal, SimpleGrid, Stack, Text, Textarea, Title, Tooltip } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconDownload, IconFlag, IconPrinter } from '@tabler/icons-react';
import { basisLineCount, canDisputeLine, DisputeRebateLineSchema, type RebateStatement, statementLinesTotal } from '@partnerline/domain';
import {
  Fact,
  formatDate,
  formatDateTime,
  formatMoney,
  formatPercent,
  meQueryOptions,
  orNotFound,
  ResponsiveTable,
  useLocale,
  uuidParam,
  zodForm,
} from '@partnerline/ui';
import { useSuspenseQuery } from '@tanstack/react-query';
import { createFileRoute, Link } from '@tanstack/react-router';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { statementQueryOptions, useDisputeLine } from '../../../../api/rebates';
import { DisputeStatus, Explanation, LineKind, NextTierText, StatementStatus, useTierName } from '../../../../components/rebates';
import { shareTimesCoefficient } from '../-components/rows';

export const Route = createFileRoute('/_authed/statements/$statementId/')({
  params: { parse: (p) => ({ statementId: uuidParam(p.statementId) }), stringify: (p) => p },
  loader: ({ context, params }) => orNotFound(context.queryClient.ensureQueryData(statementQueryOptions(params.statementId))),
  component: StatementPage,
});

type Line = RebateStatement['lines'][number];

function StatementPage() {
  const { t } = useTranslation();
  const locale = useLocale();
  const tierName = useTierName();
  const { statementId } = Route.useParams();
  const { data: s } = useSuspenseQuery(statementQueryOptions(statementId));
  const { data: me } = useSuspenseQuery(meQueryOptions());
  const [disputing, setDisputing] = useState<Line | null>(null);
  // The API's rule: a partner admin, a statement past draft, no open dispute on the line (any kind; again after a resolved one).
  const canDispute = (l: Line) => canDisputeLine(s, l, me?.role);
  const money = (x: string | null | undefined) => formatMoney(x, locale);
  const total = statementLinesTotal(s.lines);

  return (
    <Stack maw={1200}>
      <Anchor size="sm" renderRoot={(props) => <Link {...props} to="/statements" />}>
        ← {t('rebates.statement.back')}
      </Anchor>
      <Group justify="space-between" align="flex-end">
        <Stack gap={4}>
          <Group gap="sm">
            <Title order={2}>{s.number}</Title>
            <StatementStatus status={s.status} />
            {!s.final && (
              <Badge variant="outline" color="gray">
                {t('rebates.statement.provisional')}
              </Badge>
            )}
          </Group>
          <Text size="sm" c="dimmed">
            {t('rebates.statement.periodLine', {
              type: t(`agreementType.${s.agreementType}`),
              start: formatDate(s.periodStart, locale),
              end: formatDate(s.periodEnd, locale),
              asOf: formatDate(s.asOf, locale),
            })}
          </Text>
        </Stack>
        <Group gap="xs">
          <Button
            component="a"
            variant="default"
            leftSection={<IconDownload size={16} />}
            href={`/api/rebate-statements/${s.id}/export?format=csv&lang=${locale}`}
            download
          >
            {t('rebates.statement.csv')}
          </Button>
          <Button
            component="a"
            variant="default"
            leftSection={<IconDownload size={16} />}
            href={`/api/rebate-statements/${s.id}/export?format=xlsx&lang=${locale}`}
            download
          >
            {t('rebates.statement.xlsx')}
          </Button>
          <Button
            variant="default"
            leftSection={<IconPrinter size={16} />}
            renderRoot={(props) => <Link {...props} to="/statements/$statementId/print" params={{ statementId: s.id }} />}
          >
            {t('rebates.statement.printable')}
          </Button>
        </Group>
      </Group>
      <Card>
        <SimpleGrid cols={{ base: 2, sm: 4 }} spacing="md" verticalSpacing="sm">
          <Fact label={t('rebates.statement.quota')}>{money(s.quota)}</Fact>
          <Fact label={t('rebates.statement.achievement')}>{money(s.achievement)}</Fact>
          <Fact label={t('rebates.statement.attainment')}>{formatPercent(s.attainmentPercent, locale)}</Fact>
          <Fact label={t('rebates.statement.tier')}>{tierName(s.programme, s.tierIndex)}</Fact>
          <Fact label={t('rebates.statement.earned')}>{money(s.earned)}</Fact>
          <Fact label={t('rebates.statement.alreadySettled')}>{money(s.alreadySettled)}</Fact>
          <Fact label={t('rebates.statement.adjustments')}>{money(s.adjustments)}</Fact>
          <Fact label={t('rebates.statement.payable')}>
            <Text fw={700} size="lg">
              {money(s.payable)}
            </Text>
          </Fact>
        </SimpleGrid>
        <Text size="xs" c="dimmed" mt="sm">
          {[
            s.approvedAt ? t('rebates.statement.approvedOn', { date: formatDateTime(s.approvedAt, locale) }) : null,
            s.paidOn ? t('rebates.statement.paidOn', { date: formatDate(s.paidOn, locale), reference: s.paymentReference ?? '—' }) : null,
            !s.paidOn && s.payableFrom ? t('rebates.statement.payableFrom', { date: formatDate(s.payableFrom, locale) }) : null,
          ]
            .filter(Boolean)
            .join(' · ')}
        </Text>
      </Card>
      <Card>
        <Title order={4} mb="sm">
          {t('rebates.statement.explanation')}
        </Title>
        <Stack gap="sm">
          <Explanation result={s.explanation} programme={s.programme} lines={basisLineCount(s.lines)} />
          {!s.final && <NextTierText result={s.explanation} programme={s.programme} />}
          <Text size="xs" c="dimmed">
            {t('rebates.statement.allocationNote')}
          </Text>
        </Stack>
      </Card>
      <Title order={4}>{t('rebates.statement.lines')}</Title>
      <ResponsiveTable
        label={t('rebates.statement.lines')}
        minWidth={880}
        rows={s.lines}
        rowKey={(l) => l.id}
        columns={[
          {
            key: 'description',
            header: t('rebates.statement.description'),
            primary: true,
            cell: (l) => (
              <Stack gap={2} miw={{ base: 0, sm: 180 }}>
                <Text size="sm" fw={500}>
                  {l.lineNo}. {l.description}
                </Text>
                {l.occurredOn && (
                  <Text size="xs" c="dimmed">
                    {formatDate(l.occurredOn, locale)}
                  </Text>
                )}
                {l.sourcePeriodStart && l.sourcePeriodStart !== s.periodStart && (
                  <Text size="xs" c="dimmed">
                    {t('rebates.statement.fromPeriod', { date: formatDate(l.sourcePeriodStart, locale) })}
                  </Text>
                )}
              </Stack>
            ),
          },
          {
            key: 'kind',
            header: t('rebates.statement.kind'),
            aside: true,
            cell: (l) => <LineKind kind={l.kind} />,
          },
          { key: 'amount', header: t('rebates.statement.amount'), align: 'right', cell: (l) => money(l.amount) },
          { key: 'share', header: t('rebates.statement.shareCoefficient'), align: 'right', cell: (l) => shareTimesCoefficient(l, locale) },
          { key: 'achievement', header: t('rebates.statement.lineAchievement'), align: 'right', cell: (l) => money(l.achievement) },
          { key: 'rebate', header: t('rebates.statement.rebate'), align: 'right', cell: (l) => <b>{money(l.rebate)}</b> },
          {
            key: 'dispute',
            header: t('rebates.statement.dispute'),
            cell: (l) =>
              !l.dispute && !canDispute(l) ? (
                '—'
              ) : (
                <Stack gap={2} align="flex-start">
                  {l.dispute && (
                    <>
                      <Tooltip label={l.dispute.comment} multiline maw={320}>
                        <span>
                          <DisputeStatus status={l.dispute.status} />
                        </span>
                      </Tooltip>
                      {l.dispute.resolution && (
                        <Text size="xs" c="dimmed">
                          {l.dispute.resolution}
                          {l.dispute.adjustment ? ` (${money(l.dispute.adjustment)})` : ''}
                        </Text>
                      )}
                    </>
                  )}
                  {canDispute(l) && (
                    <Button
                      size="compact-xs"
                      variant="subtle"
                      color="orange"
                      leftSection={<IconFlag size={12} />}
                      onClick={() => setDisputing(l)}
                    >
                      {t('rebates.statement.disputeLine')}
                    </Button>
                  )}
                </Stack>
              ),
          },
        ]}
      />
      <Group justify="flex-end">
        <Text size="sm">
          {t('rebates.statement.linesTotal', { count: s.lines.length })} <b>{money(total)}</b>
        </Text>
      </Group>
      <DisputeModal statementId={s.id} line={disputing} onClose={() => setDisputing(null)} />
    </Stack>
  );
}

function DisputeModal({ statementId, line, onClose }: { statementId: string; line: Line | null; onClose: () => void }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const dispute = useDisputeLine(statementId);
  const [comment, setComment] = useState('');
  const [error, setError] = useState<string | null>(null);
  // The API's body schema; whatever it refuses (an empty comment), the dialog says what to write.
  const schema = useMemo(
    () => zodForm(DisputeRebateLineSchema, (v: { comment: string }) => v, { comment: t('rebates.statement.commentRequired') }),
    [t],
  );
  const close = () => {
    setComment('');
    setError(null);
    dispute.reset();
    onClose();
  };
  const send = () => {
    const invalid = schema.validate({ comment }).comment;
    if (invalid) return setError(invalid);
    dispute.mutate(
      { lineId: line!.id, comment: schema.parse({ comment }).comment },
      {
        onSuccess: () => {
          notifications.show({ color: 'green', message: t('rebates.statement.disputed') });
          close();
        },
        onError: (e) => setError(e.message),
      },
    );
  };
  return (
    <Modal opened={!!line} onClose={close} title={t('rebates.statement.disputeTitle')}>
      {line && (
        <Stack>
          <Text size="sm">
            {line.lineNo}. {line.description} · {formatMoney(line.rebate, locale)}
          </Text>
          <Textarea
            label={t('rebates.statement.comment')}
            description={t('rebates.statement.commentHint')}
            autosize
            minRows={3}
            value={comment}
            maxLength={2000}
            onChange={(e) => setComment(e.currentTarget.value)}
            error={error}
            data-autofocus
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={close}>
              {t('rebates.statement.cancel')}
            </Button>
            <Button color="orange" loading={dispute.isPending} onClick={send}>
              {t('rebates.statement.sendDispute')}
            </Button>
          </Group>
        </Stack>
      )}
    </Modal>
  );
}

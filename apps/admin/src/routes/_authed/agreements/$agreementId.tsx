import { Alert, Anchor, Badge, Button, Card, Checkbox, Grid, Group, Modal, Stack, Table, Text, Textarea, TextInput, Timeline, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { IconPrinter } from '@tabler/icons-react';
import type { AgreementTerms } from '@partnerline/domain';
import { formatDateTime, formatMoney, meQueryOptions } from '@partnerline/ui';
import { useQuery, useSuspenseQuery } from '@tanstack/react-query';
import { createFileRoute, Link } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { agreementQueryOptions, productLinesQueryOptions, productsQueryOptions, useAgreementAction, useAmendAgreement, useUpdateAgreement, versionsQueryOptions } from '../../../api/agreements';
import { auditQueryOptions } from '../../../api/admin';
import { industriesQueryOptions, regionsQueryOptions } from '../../../api/catalog';
import { partnersQueryOptions } from '../../../api/partners';
import { canManageRebates } from '../../../nav';
import { AgreementQualificationCard } from '../-components/QualificationPanel';
import { AgreementForm, apiErrors } from './-components/AgreementForm';
import { AgreementStatusBadge } from './-components/AgreementStatusBadge';
import { QuotaEditor } from './-components/QuotaEditor';

export const Route = createFileRoute('/_authed/agreements/$agreementId')({
  params: { parse: (p) => ({ agreementId: z.uuid().parse(p.agreementId) }), stringify: (p) => p },
  loader: ({ context, params }) =>
    Promise.all([
      context.queryClient.ensureQueryData(agreementQueryOptions(params.agreementId)),
      context.queryClient.ensureQueryData(versionsQueryOptions(params.agreementId)),
      context.queryClient.ensureQueryData(productsQueryOptions()),
      context.queryClient.ensureQueryData(productLinesQueryOptions()),
      context.queryClient.ensureQueryData(industriesQueryOptions()),
      context.queryClient.ensureQueryData(regionsQueryOptions()),
      context.queryClient.ensureQueryData(partnersQueryOptions({ page: 1, pageSize: 200, sort: 'name', order: 'asc' })),
    ]),
  component: AgreementPage,
});

type Dialog = 'reject' | 'terminate' | 'approve' | null;

/** Statuses after the agreement was in force: the version history ends with them. */
const ENDED = new Set(['expired', 'terminated', 'renewed']);

function AgreementPage() {
  const { t, i18n } = useTranslation();
  const zh = i18n.language === 'zh-CN';
  const locale = zh ? 'zh-CN' : 'en';
  const { agreementId } = Route.useParams();
  const { data: a } = useSuspenseQuery(agreementQueryOptions(agreementId));
  const { data: versions } = useSuspenseQuery(versionsQueryOptions(agreementId));
  const { data: products } = useSuspenseQuery(productsQueryOptions());
  const { data: lines } = useSuspenseQuery(productLinesQueryOptions());
  const { data: industries } = useSuspenseQuery(industriesQueryOptions());
  const { data: user } = useSuspenseQuery(meQueryOptions());
  const canAudit = user?.role === 'vendor_admin' || user?.role === 'leadership';
  const { data: audit } = useQuery({ ...auditQueryOptions({ entity: 'agreement', entityId: agreementId, page: 1, pageSize: 50 }), enabled: canAudit });
  const action = useAgreementAction(agreementId);
  const update = useUpdateAgreement(agreementId);
  const amend = useAmendAgreement(agreementId);
  const [editing, setEditing] = useState<'edit' | 'amend' | null>(null);
  const [dialog, setDialog] = useState<Dialog>(null);
  const terms = a.terms as AgreementTerms;
  const tz = user?.timeZone;
  const run = (act: 'submit' | 'approve' | 'reject' | 'terminate', body?: unknown, after?: () => void) =>
    action.mutate(
      { action: act, body },
      {
        onSuccess: () => {
          notifications.show({ color: 'green', message: t('agreement.done') });
          after?.();
        },
        onError: (e) => notifications.show({ color: 'red', autoClose: 10_000, message: apiErrors(e).form ?? Object.values(apiErrors(e)).join(' · ') }),
      },
    );

  if (editing) {
    return (
      <Stack maw={1100}>
        <Anchor size="sm" onClick={() => setEditing(null)}>
          ← {a.number}
        </Anchor>
        <Title order={2}>{t(editing === 'edit' ? 'agreementForm.editTitle' : 'agreementForm.amendTitle', { number: a.number })}</Title>
        <AgreementForm
          initial={terms}
          lockPartnerAndType
          excludeAgreementId={a.id}
          submitLabel={t(editing === 'edit' ? 'agreementForm.saveDraft' : 'agreementForm.submitAmendment')}
          pending={update.isPending || amend.isPending}
          onSubmit={(next, setErrors) =>
            (editing === 'edit' ? update : amend).mutate(next, {
              onSuccess: () => {
                notifications.show({ color: 'green', message: t('agreementForm.saved') });
                setEditing(null);
              },
              onError: (e) => setErrors(apiErrors(e)),
            })
          }
        />
      </Stack>
    );
  }

  const product = (id: string) => products.find((p) => p.id === id);
  const row = (label: string, value: React.ReactNode) => (
    <Table.Tr>
      <Table.Th w="30%" style={{ verticalAlign: 'top' }}>
        {label}
      </Table.Th>
      <Table.Td>{value}</Table.Td>
    </Table.Tr>
  );

  return (
    <Stack maw={1300}>
      <Anchor size="sm" renderRoot={(props) => <Link {...props} to="/agreements" />}>
        ← {t('agreement.back')}
      </Anchor>
      <Group justify="space-between" align="flex-start">
        <Stack gap={4}>
          <Group gap="sm">
            <Title order={2}>{a.number}</Title>
            <Badge variant="outline" color={a.type === 'exclusive' ? 'grape' : a.type === 'registration' ? 'blue' : 'teal'}>
              {t(`agreementType.${a.type}`)}
            </Badge>
            <AgreementStatusBadge status={a.status} />
            <Badge variant="default">v{a.version}</Badge>
          </Group>
          <Anchor renderRoot={(props) => <Link {...props} to="/partners/$partnerId" params={{ partnerId: a.partnerId }} />}>{a.partnerName}</Anchor>
          <Text size="sm" c="dimmed">
            {a.startDate} – {a.endDate}
            {a.submittedBy && a.submittedAt ? ` · ${t('agreement.submittedBy', { name: a.submittedBy, when: formatDateTime(a.submittedAt, locale, tz) })}` : ''}
            {a.approvedBy && a.approvedAt ? ` · ${t('agreement.approvedBy', { name: a.approvedBy, when: formatDateTime(a.approvedAt, locale, tz) })}` : ''}
          </Text>
        </Stack>
        <Group gap="xs">
          <Button component="a" href={`/api/agreements/${a.id}/document?lang=${locale}`} target="_blank" variant="default" leftSection={<IconPrinter size={16} />}>
            {t('agreement.document')}
          </Button>
          {a.allowedActions.includes('edit') && <Button variant="light" onClick={() => setEditing('edit')}>{t('agreement.edit')}</Button>}
          {a.allowedActions.includes('submit') && <Button loading={action.isPending} onClick={() => run('submit')}>{t('agreement.submit')}</Button>}
          {a.allowedActions.includes('approve') && <Button color="green" onClick={() => setDialog('approve')}>{t('agreement.approve')}</Button>}
          {a.allowedActions.includes('reject') && <Button color="orange" variant="light" onClick={() => setDialog('reject')}>{t('agreement.reject')}</Button>}
          {a.allowedActions.includes('amend') && <Button variant="light" onClick={() => setEditing('amend')}>{t('agreement.amend')}</Button>}
          {a.allowedActions.includes('terminate') && <Button color="red" variant="subtle" onClick={() => setDialog('terminate')}>{t('agreement.terminate')}</Button>}
        </Group>
      </Group>
      {a.gaps.length > 0 && a.status === 'draft' && <Alert color="orange">{t('agreement.gaps', { gaps: a.gaps.join(', ') })}</Alert>}
      {a.rejectionReason && a.status === 'draft' && <Alert color="orange">{t('agreement.rejected', { reason: a.rejectionReason })}</Alert>}
      {a.termination && <Alert color="red">{t('agreement.terminated', { date: a.termination.effectiveDate, reason: a.termination.reason })}</Alert>}
      {a.pendingAmendment && <Alert color="blue">{t('agreement.pendingAmendment')}</Alert>}

      <Grid>
        <Grid.Col span={{ base: 12, md: 8 }}>
          <Card>
            <Title order={4} mb="sm">
              {t('agreement.terms')}
            </Title>
            <Table>
              <Table.Tbody>
                {row(
                  t('agreements.scope'),
                  <Stack gap={2}>
                    {a.scope.map((s, i) => (
                      <Text key={i} size="sm">
                        {s.industryId ? (zh ? s.industryNameZh : s.industryNameEn) : t('agreements.allIndustries')} × {s.regionId ? (zh ? s.regionNameZh : s.regionNameEn) : t('agreements.allRegions')}
                      </Text>
                    ))}
                  </Stack>,
                )}
                {row(t('agreementForm.products'), terms.productIds.map((id) => `${product(id)?.sku ?? id}`).join(', ') || '—')}
                {row(t('agreementForm.pricingModel'), terms.pricing ? t(terms.pricing.model === 'tiered' ? 'agreementForm.tiered' : 'agreementForm.fixedRebate') : '—')}
                {row(t('agreementForm.paymentTerms'), terms.paymentTerms || '—')}
                {row(t('agreementForm.evaluationPeriod'), terms.evaluationPeriod ? t(`agreementForm.${terms.evaluationPeriod}`) : '—')}
                {row(t('agreementForm.quota'), formatMoney(terms.quotaPerPeriod, locale))}
                {row(t('agreementForm.renewalThreshold'), `${terms.renewalThresholdPercent}%`)}
                {row(
                  t('agreementForm.qualification'),
                  terms.qualificationRequirements.map((q, i) => (
                    <Text key={i} size="sm">
                      {t(`jobRoles.${q.jobRole}`, { ns: 'ui' })} · {(zh ? lines.find((l) => l.id === q.productLineId)?.nameZh : lines.find((l) => l.id === q.productLineId)?.nameEn) ?? q.productLineId} × {q.headcount}
                    </Text>
                  )),
                )}
                {terms.evidenceStandard &&
                  row(
                    t('agreementForm.evidence'),
                    (['proofOfCommunication', 'customerFeedback', 'customerDetails'] as const)
                      .filter((k) => terms.evidenceStandard![k])
                      .map((k) => t(`agreementForm.${k}`))
                      .join(zh ? '、' : ', '),
                  )}
                {row(
                  t('agreementForm.coefficients'),
                  (terms.incentiveCoefficients ?? []).length
                    ? (terms.incentiveCoefficients ?? []).map((c, i) => {
                        const line = lines.find((l) => l.id === c.productLineId);
                        const industry = industries.find((x) => x.id === c.industryId);
                        const what = [line && (zh ? line.nameZh : line.nameEn), industry && (zh ? industry.nameZh : industry.nameEn)].filter(Boolean).join(' · ');
                        return (
                          <Text key={i} size="sm">
                            {what || '—'} × {c.coefficient}
                          </Text>
                        );
                      })
                    : t('agreementForm.noCoefficients'),
                )}
                {terms.deposit && row(t('agreementForm.deposit'), `${formatMoney(terms.deposit.amount, locale)} · ${terms.deposit.dueDate} · ${t(`agreementForm.${terms.deposit.handling}`)}`)}
                {row(t('agreementForm.division'), `${terms.serviceDivision.vendor || '—'} / ${terms.serviceDivision.partner || '—'}`)}
                {row(t('agreementForm.vendorObligations'), terms.obligations.vendor || '—')}
                {row(t('agreementForm.partnerObligations'), terms.obligations.partner || '—')}
                {row(t('agreementForm.renewalTerms'), terms.renewalTerms || '—')}
              </Table.Tbody>
            </Table>
          </Card>
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 4 }}>
          <Stack>
            {(terms.qualificationRequirements.length > 0 || a.status === 'active') && <AgreementQualificationCard agreementId={a.id} />}
            {terms.evaluationPeriod && a.status !== 'rejected' && <QuotaEditor agreementId={a.id} canEdit={canManageRebates(user?.role)} />}
            <Card>
              <Title order={4} mb="sm">
                {t('agreement.versions')}
              </Title>
              {/* The history agrees with the header: the version in force is marked, each decision shows who and when
                  (as the header's "approved by"), and an ended agreement's last entry is its status. */}
              <Timeline active={versions.length + (ENDED.has(a.status) ? 1 : 0)} bulletSize={16}>
                {versions.map((v) => (
                  <Timeline.Item
                    key={v.version}
                    title={
                      <Group gap={6}>
                        <Text size="sm" fw={500}>{`v${v.version} · ${t(`agreement.${v.kind}`)} · ${t(`agreement.versionStatus.${v.status}`)}`}</Text>
                        {v.version === a.version && (
                          <Badge size="xs" variant="light" data-testid="version-current">
                            {a.status === 'draft' || a.status === 'pending_approval' || a.status === 'rejected' ? t('agreementHistory.thisDraft') : t('agreementHistory.inForce')}
                          </Badge>
                        )}
                      </Group>
                    }
                  >
                    <Text size="xs" c="dimmed">
                      {t('agreementHistory.created', { name: v.createdBy, when: formatDateTime(v.createdAt, locale, tz) })}
                    </Text>
                    {v.decidedAt && (
                      <Text size="xs" c="dimmed">
                        {t(v.status === 'rejected' ? 'agreementHistory.rejected' : 'agreementHistory.approved', { name: v.decidedBy ?? '—', when: formatDateTime(v.decidedAt, locale, tz) })}
                      </Text>
                    )}
                    {v.changedFields.length > 0 && <Text size="xs">{t('agreement.changed', { fields: v.changedFields.join(', ') })}</Text>}
                    {v.reason && <Text size="xs">{v.reason}</Text>}
                  </Timeline.Item>
                ))}
                {ENDED.has(a.status) && (
                  <Timeline.Item title={<AgreementStatusBadge status={a.status} />}>
                    {a.termination && (
                      <Text size="xs" c="dimmed">
                        {t('agreementHistory.effective', { date: a.termination.effectiveDate })} · {a.termination.reason}
                      </Text>
                    )}
                    {!a.termination && a.status === 'expired' && (
                      <Text size="xs" c="dimmed">
                        {t('agreementHistory.ended', { date: a.endDate })}
                      </Text>
                    )}
                  </Timeline.Item>
                )}
              </Timeline>
            </Card>
            {canAudit && (
              <Card>
                <Title order={4} mb="sm">
                  {t('agreement.audit')}
                </Title>
                <Stack gap={6}>
                  {audit?.items.map((e) => (
                    <Text key={e.id} size="xs">
                      {formatDateTime(e.occurredAt, locale, tz)} · {e.actorEmail ?? 'system'} · <code>{e.action}</code>
                    </Text>
                  ))}
                </Stack>
              </Card>
            )}
          </Stack>
        </Grid.Col>
      </Grid>
      {dialog && <ActionDialog kind={dialog} isAdmin={user?.role === 'vendor_admin'} exclusive={a.type === 'exclusive'} pending={action.isPending} onClose={() => setDialog(null)} onConfirm={(body) => run(dialog, body, () => setDialog(null))} />}
    </Stack>
  );
}

function ActionDialog({ kind, isAdmin, exclusive, pending, onClose, onConfirm }: { kind: Exclude<Dialog, null>; isAdmin: boolean; exclusive: boolean; pending: boolean; onClose: () => void; onConfirm: (body: unknown) => void }) {
  const { t } = useTranslation();
  const form = useForm({ initialValues: { reason: '', date: new Date().toISOString().slice(0, 10), override: false, justification: '' } });
  const { reason, date, override, justification } = form.values;
  const title = t(`agreement.${kind}`);
  return (
    <Modal opened onClose={onClose} title={title}>
      <Stack>
        {kind !== 'approve' && <Textarea label={t('agreement.reason')} autosize minRows={3} {...form.getInputProps('reason')} required />}
        {kind === 'terminate' && <TextInput type="date" label={t('agreement.effectiveDate')} {...form.getInputProps('date')} />}
        {kind === 'approve' && isAdmin && exclusive && (
          <>
            <Checkbox label={t('agreement.override')} {...form.getInputProps('override', { type: 'checkbox' })} />
            {override && <Textarea label={t('agreement.justification')} autosize minRows={2} {...form.getInputProps('justification')} />}
          </>
        )}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('common.cancel', { ns: 'ui' })}
          </Button>
          <Button
            loading={pending}
            color={kind === 'approve' ? 'green' : kind === 'terminate' ? 'red' : 'orange'}
            onClick={() => onConfirm(kind === 'approve' ? (override ? { overrideTrackRecord: { justification } } : {}) : kind === 'terminate' ? { reason, effectiveDate: date } : { reason })}
          >
            {title}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}

import { ActionIcon, Alert, Button, Card, Checkbox, Group, MultiSelect, NumberInput, SegmentedControl, Select, SimpleGrid, Stack, Text, Textarea, TextInput, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useDebouncedValue } from '@mantine/hooks';
import { IconAlertTriangle, IconCircleCheck, IconPlus, IconTrash } from '@tabler/icons-react';
import { type AgreementTerms, AgreementTermsSchema, DEFAULT_POLICIES, type ExclusiveHolding } from '@partnerline/domain';
import { apiFieldErrors, ErrorSummary, fieldPathProps, formatDate, zodForm } from '@partnerline/ui';
import { useQuery, useSuspenseQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { previewOverlaps, productLinesQueryOptions, productsQueryOptions } from '../../../../api/agreements';
import { industriesQueryOptions, regionOptions, regionsQueryOptions } from '../../../../api/catalog';
import { partnersQueryOptions } from '../../../../api/partners';
import { fieldSpecs } from '../../../../form-fields';

type Type = AgreementTerms['type'];
const termsForm = zodForm(AgreementTermsSchema, undefined, {}, () => fieldSpecs('agreement'));
const today = () => new Date().toISOString().slice(0, 10);
const inAYear = () => new Date(Date.now() + 364 * 86_400_000).toISOString().slice(0, 10);

export function emptyTerms(): AgreementTerms {
  return {
    partnerId: '',
    type: 'registration',
    scope: [{ industryId: null, regionId: null }],
    startDate: today(),
    endDate: inAYear(),
    productIds: [],
    pricing: null,
    paymentTerms: '',
    evaluationPeriod: 'quarter',
    quotaPerPeriod: null,
    renewalThresholdPercent: 80,
    qualificationRequirements: [],
    serviceDivision: { vendor: '', partner: '' },
    obligations: { vendor: '', partner: '' },
    renewalTerms: '',
    evidenceStandard: { proofOfCommunication: true, customerFeedback: false, customerDetails: true },
    deposit: null,
    incentiveCoefficients: [],
  };
}

/** Drafts, edits and amends agreements; for exclusive ones it previews overlaps with existing holdings. */
export function AgreementForm({ initial, lockPartnerAndType, excludeAgreementId, submitLabel, pending, onSubmit }: {
  initial: AgreementTerms;
  lockPartnerAndType?: boolean;
  excludeAgreementId?: string;
  submitLabel: string;
  pending: boolean;
  onSubmit: (terms: AgreementTerms, setErrors: (e: Record<string, string>) => void) => void;
}) {
  const { t, i18n } = useTranslation();
  const zh = i18n.language === 'zh-CN';
  const locale = zh ? 'zh-CN' : 'en';
  const form = useForm<AgreementTerms>({ initialValues: { ...initial, incentiveCoefficients: initial.incentiveCoefficients ?? [] }, validate: termsForm.validate, enhanceGetInputProps: fieldPathProps });
  const { values: f, errors } = form;
  const { data: industries } = useSuspenseQuery(industriesQueryOptions());
  const { data: regions } = useSuspenseQuery(regionsQueryOptions());
  const { data: products } = useSuspenseQuery(productsQueryOptions());
  const { data: lines } = useSuspenseQuery(productLinesQueryOptions());
  const { data: partners } = useSuspenseQuery(partnersQueryOptions({ page: 1, pageSize: 200, sort: 'name', order: 'asc' }));
  const set = <K extends keyof AgreementTerms>(k: K, v: AgreementTerms[K]) => form.setFieldValue(k, v as never);
  const industryData = industries.map((i) => ({ value: i.id, label: zh ? i.nameZh : i.nameEn }));
  const regionData = regionOptions(regions, i18n.language);
  const partnerData = partners.items.filter((p) => !['rejected', 'terminated'].includes(p.status)).map((p) => ({ value: p.id, label: p.name }));

  const previewKey = JSON.stringify([f.type, f.scope, f.startDate, f.endDate]);
  const [debouncedKey] = useDebouncedValue(previewKey, 400);
  const preview = useQuery({
    queryKey: ['exclusivity-preview', debouncedKey, excludeAgreementId],
    queryFn: () => previewOverlaps({ scope: f.scope, startDate: f.startDate, endDate: f.endDate, excludeAgreementId }),
    enabled: f.type === 'exclusive' && f.scope.length > 0 && f.endDate >= f.startDate && debouncedKey === previewKey,
  });

  const submit = form.onSubmit((values) => onSubmit(termsForm.parse(values), form.setErrors));

  const holdersByAgreement = new Map<string, ExclusiveHolding[]>();
  for (const h of preview.data?.overlaps ?? []) holdersByAgreement.set(h.agreementId, [...(holdersByAgreement.get(h.agreementId) ?? []), h]);

  return (
    <Stack>
      <Card>
        <Title order={4} mb="sm">
          {t('agreementForm.basics')}
        </Title>
        <SimpleGrid cols={{ base: 1, md: 2 }}>
          <Select label={t('agreementForm.partner')} searchable data={partnerData} value={f.partnerId || null} onChange={(v) => set('partnerId', v ?? '')} disabled={lockPartnerAndType} error={errors.partnerId} withAsterisk data-path="partnerId" />
          <Stack gap={4}>
            <Text size="sm" fw={500}>
              {t('agreementForm.type')}
            </Text>
            <SegmentedControl
              disabled={lockPartnerAndType}
              value={f.type}
              onChange={(v) => form.setValues({ type: v as Type, deposit: v === 'exclusive' ? (f.deposit ?? { amount: '200000.00', dueDate: f.startDate, handling: 'offset' }) : null })}
              data={(['exclusive', 'registration', 'distribution'] as const).map((x) => ({ value: x, label: t(`agreementType.${x}`) }))}
            />
          </Stack>
          <TextInput type="date" label={t('agreementForm.startDate')} {...form.getInputProps('startDate')} withAsterisk />
          <TextInput type="date" label={t('agreementForm.endDate')} {...form.getInputProps('endDate')} withAsterisk />
        </SimpleGrid>
      </Card>

      <Card>
        <Title order={4}>{t('agreementForm.scope')}</Title>
        <Text size="sm" c="dimmed" mb="sm">
          {t('agreementForm.scopeHelp')}
        </Text>
        <Stack gap="xs">
          {f.scope.map((_, i) => (
            <Group key={i} wrap="nowrap" align="flex-end">
              <Select label={t('agreementForm.industry')} aria-label={`${t('agreementForm.industry')} ${i + 1}`} placeholder={t('agreements.allIndustries')} clearable searchable data={industryData} {...form.getInputProps(`scope.${i}.industryId`)} style={{ flex: 1 }} />
              <Select label={t('agreementForm.region')} aria-label={`${t('agreementForm.region')} ${i + 1}`} placeholder={t('agreements.allRegions')} clearable searchable data={regionData} {...form.getInputProps(`scope.${i}.regionId`)} style={{ flex: 1 }} />
              <ActionIcon variant="subtle" color="red" size="lg" mb={2} aria-label="remove" disabled={f.scope.length === 1} onClick={() => form.removeListItem('scope', i)}>
                <IconTrash size={16} />
              </ActionIcon>
            </Group>
          ))}
          <Button variant="subtle" w="fit-content" leftSection={<IconPlus size={14} />} onClick={() => form.insertListItem('scope', { industryId: null, regionId: null })}>
            {t('agreementForm.addScope')}
          </Button>
        </Stack>
        {f.type === 'exclusive' && (
          <Stack mt="md" gap="xs" data-testid="overlap-preview">
            <Text size="sm" fw={600}>
              {t('agreementForm.preview')}
            </Text>
            {preview.data && holdersByAgreement.size === 0 && (
              <Alert color="green" icon={<IconCircleCheck size={18} />}>
                {t('agreementForm.previewClear')}
              </Alert>
            )}
            {holdersByAgreement.size > 0 && (
              <Alert color="orange" icon={<IconAlertTriangle size={18} />} title={t('agreementForm.previewHit')}>
                <Stack gap={4}>
                  {[...holdersByAgreement.values()].map((hs) => (
                    <Text size="sm" key={hs[0].agreementId}>
                      {t('agreementForm.holding', { number: hs[0].number, partner: hs[0].partnerName, from: formatDate(hs[0].from, locale), until: formatDate(hs[0].until, locale) })} —{' '}
                      {hs
                        .slice(0, 4)
                        .map((h) => (zh ? `${h.industryNameZh}·${h.regionNameZh}` : `${h.industryNameEn} · ${h.regionNameEn}`))
                        .join(zh ? '、' : ', ')}
                      {hs.length > 4 ? ` (+${hs.length - 4})` : ''}
                    </Text>
                  ))}
                </Stack>
              </Alert>
            )}
          </Stack>
        )}
      </Card>

      <Card>
        <Title order={4} mb="sm">
          {t('agreementForm.commercial')}
        </Title>
        <Stack>
          <MultiSelect label={t('agreementForm.products')} searchable data={products.map((p) => ({ value: p.id, label: `${p.sku} · ${zh ? p.nameZh : p.nameEn}` }))} {...form.getInputProps('productIds')} />
          <Select
            label={t('agreementForm.pricingModel')}
            clearable
            data={[
              { value: 'fixed_rebate', label: t('agreementForm.fixedRebate') },
              { value: 'tiered', label: t('agreementForm.tiered') },
            ]}
            value={f.pricing?.model ?? null}
            onChange={(v) =>
              set(
                'pricing',
                v === 'fixed_rebate'
                  ? { model: 'fixed_rebate', items: f.productIds.map((id) => ({ productId: id, unitPrice: products.find((p) => p.id === id)?.listPrice ?? '0' })), rebate: DEFAULT_POLICIES.rebates }
                  : v === 'tiered'
                    ? { model: 'tiered', breaks: [{ minQuantity: 0, unitPrice: '100000.00' }, { minQuantity: 20, unitPrice: '95000.00' }] }
                    : null,
              )
            }
          />
          <Textarea label={t('agreementForm.paymentTerms')} autosize minRows={2} {...form.getInputProps('paymentTerms')} />
          <SimpleGrid cols={{ base: 1, md: 3 }}>
            <Select
              label={t('agreementForm.evaluationPeriod')}
              clearable
              data={(['quarter', 'half', 'year'] as const).map((p) => ({ value: p, label: t(`agreementForm.${p}`) }))}
              value={f.evaluationPeriod}
              onChange={(v) => set('evaluationPeriod', v as AgreementTerms['evaluationPeriod'])}
            />
            <TextInput label={t('agreementForm.quota')} placeholder="5000000.00" value={f.quotaPerPeriod ?? ''} onChange={(e) => set('quotaPerPeriod', e.currentTarget.value || null)} error={errors.quotaPerPeriod} data-path="quotaPerPeriod" />
            <NumberInput label={t('agreementForm.renewalThreshold')} min={0} max={200} value={f.renewalThresholdPercent} onChange={(v) => set('renewalThresholdPercent', Number(v))} error={errors.renewalThresholdPercent} data-path="renewalThresholdPercent" />
          </SimpleGrid>
        </Stack>
      </Card>

      <Card>
        <Title order={4} mb="sm">
          {t('agreementForm.qualification')}
        </Title>
        <Stack gap="xs">
          {f.qualificationRequirements.map((q, i) => (
            <Group key={i} wrap="nowrap" align="flex-end">
              <Select label={t('agreementForm.jobRole')} data={(['sales', 'presales', 'service'] as const).map((r) => ({ value: r, label: t(`jobRoles.${r}`, { ns: 'ui' }) }))} value={q.jobRole} allowDeselect={false} onChange={(v) => form.setFieldValue(`qualificationRequirements.${i}.jobRole`, v as typeof q.jobRole)} />
              <Select label={t('agreementForm.productLine')} data={lines.map((l) => ({ value: l.id, label: zh ? l.nameZh : l.nameEn }))} value={q.productLineId} allowDeselect={false} onChange={(v) => v && form.setFieldValue(`qualificationRequirements.${i}.productLineId`, v)} error={errors[`qualificationRequirements.${i}.productLineId`]} data-path={`qualificationRequirements.${i}.productLineId`} />
              <NumberInput label={t('agreementForm.headcount')} min={1} w={120} value={q.headcount} onChange={(v) => form.setFieldValue(`qualificationRequirements.${i}.headcount`, Number(v))} error={errors[`qualificationRequirements.${i}.headcount`]} data-path={`qualificationRequirements.${i}.headcount`} />
              <ActionIcon variant="subtle" color="red" size="lg" mb={2} aria-label="remove" onClick={() => form.removeListItem('qualificationRequirements', i)}>
                <IconTrash size={16} />
              </ActionIcon>
            </Group>
          ))}
          <Button variant="subtle" w="fit-content" leftSection={<IconPlus size={14} />} onClick={() => form.insertListItem('qualificationRequirements', { jobRole: 'sales', productLineId: lines[0]?.id ?? '', headcount: 1 })}>
            {t('agreementForm.addRequirement')}
          </Button>
        </Stack>
      </Card>

      <Card>
        <Title order={4}>{t('agreementForm.coefficients')}</Title>
        <Text size="sm" c="dimmed" mb="sm">
          {t('agreementForm.coefficientsHelp')}
        </Text>
        <Stack gap="xs" data-testid="incentive-coefficients">
          {(f.incentiveCoefficients ?? []).map((c, i) => (
            <Group key={i} wrap="wrap" align="flex-end">
              <Select
                label={t('agreementForm.coefficientProductLine')}
                aria-label={`${t('agreementForm.coefficientProductLine')} ${i + 1}`}
                placeholder={t('agreementForm.coefficientAny')}
                clearable
                searchable
                data={lines.map((l) => ({ value: l.id, label: zh ? l.nameZh : l.nameEn }))}
                value={c.productLineId}
                onChange={(v) => form.setFieldValue(`incentiveCoefficients.${i}.productLineId`, v)}
                error={errors[`incentiveCoefficients.${i}.productLineId`]}
                data-path={`incentiveCoefficients.${i}.productLineId`}
                style={{ flex: '1 1 180px' }}
              />
              <Select
                label={t('agreementForm.coefficientIndustry')}
                aria-label={`${t('agreementForm.coefficientIndustry')} ${i + 1}`}
                placeholder={t('agreementForm.coefficientAny')}
                clearable
                searchable
                data={industryData}
                value={c.industryId}
                onChange={(v) => form.setFieldValue(`incentiveCoefficients.${i}.industryId`, v)}
                error={errors[`incentiveCoefficients.${i}.industryId`]}
                data-path={`incentiveCoefficients.${i}.industryId`}
                style={{ flex: '1 1 180px' }}
              />
              <TextInput
                label={t('agreementForm.coefficient')}
                aria-label={`${t('agreementForm.coefficient')} ${i + 1}`}
                placeholder="1.5"
                w={110}
                inputMode="decimal"
                {...form.getInputProps(`incentiveCoefficients.${i}.coefficient`)}
              />
              <ActionIcon variant="subtle" color="red" size="lg" mb={2} aria-label="remove" onClick={() => form.removeListItem('incentiveCoefficients', i)}>
                <IconTrash size={16} />
              </ActionIcon>
            </Group>
          ))}
          <Button
            variant="subtle"
            w="fit-content"
            leftSection={<IconPlus size={14} />}
            disabled={(f.incentiveCoefficients ?? []).length >= 20}
            onClick={() => form.insertListItem('incentiveCoefficients', { productLineId: lines[0]?.id ?? null, industryId: null, coefficient: '1.2' })}
          >
            {t('agreementForm.addCoefficient')}
          </Button>
        </Stack>
      </Card>

      {f.type === 'registration' && (
        <Card>
          <Title order={4} mb="sm">
            {t('agreementForm.evidence')}
          </Title>
          <Group>
            {(['proofOfCommunication', 'customerFeedback', 'customerDetails'] as const).map((k) => (
              <Checkbox
                key={k}
                label={t(`agreementForm.${k}`)}
                checked={f.evidenceStandard?.[k] ?? false}
                onChange={(e) => set('evidenceStandard', { proofOfCommunication: false, customerFeedback: false, customerDetails: false, ...f.evidenceStandard, [k]: e.currentTarget.checked })}
              />
            ))}
          </Group>
        </Card>
      )}

      {f.type === 'exclusive' && f.deposit && (
        <Card>
          <Title order={4} mb="sm">
            {t('agreementForm.deposit')}
          </Title>
          <SimpleGrid cols={{ base: 1, md: 3 }}>
            <TextInput label={t('agreementForm.depositAmount')} {...form.getInputProps('deposit.amount')} withAsterisk />
            <TextInput type="date" label={t('agreementForm.depositDue')} {...form.getInputProps('deposit.dueDate')} withAsterisk />
            <Select label={t('agreementForm.handling')} allowDeselect={false} data={[{ value: 'offset', label: t('agreementForm.offset') }, { value: 'refund', label: t('agreementForm.refund') }]} {...form.getInputProps('deposit.handling')} />
          </SimpleGrid>
        </Card>
      )}

      <Card>
        <Title order={4} mb="sm">
          {t('agreementForm.division')}
        </Title>
        <SimpleGrid cols={{ base: 1, md: 2 }}>
          <Textarea label={t('agreementForm.vendorService')} autosize minRows={2} {...form.getInputProps('serviceDivision.vendor')} />
          <Textarea label={t('agreementForm.partnerService')} autosize minRows={2} {...form.getInputProps('serviceDivision.partner')} />
          <Textarea label={t('agreementForm.vendorObligations')} autosize minRows={2} {...form.getInputProps('obligations.vendor')} />
          <Textarea label={t('agreementForm.partnerObligations')} autosize minRows={2} {...form.getInputProps('obligations.partner')} />
        </SimpleGrid>
        <Textarea mt="sm" label={t('agreementForm.renewalTerms')} autosize minRows={2} {...form.getInputProps('renewalTerms')} />
      </Card>

      <ErrorSummary errors={errors} fields={fieldSpecs('agreement')} />
      <Group justify="flex-end">
        <Button size="md" loading={pending} onClick={() => submit()}>
          {submitLabel}
        </Button>
      </Group>
    </Stack>
  );
}

/** A refusal from the API, worded like the form's own (field errors by label and kind; otherwise under `form`). */
export function apiErrors(err: unknown): Record<string, string> {
  return apiFieldErrors(err, String(err), fieldSpecs('agreement'));
}

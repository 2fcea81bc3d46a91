import { ActionIcon, Alert, Anchor, Badge, Button, Card, FileInput, Flex, Group, NumberInput, Select, SimpleGrid, Stack, Text, Textarea, TextInput, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { IconPaperclip, IconPlus, IconTrash } from '@tabler/icons-react';
import { EVIDENCE_KINDS, type EvidenceKind, type RegistrationInput, RegistrationInputSchema } from '@partnerline/domain';
import { ApiError, apiFieldErrors, ErrorSummary, type FieldSpecs, formatDate, PageHeader, regionOptions, translate, useLocale, zodForm } from '@partnerline/ui';
import { useQuery, useSuspenseQuery } from '@tanstack/react-query';
import { createFileRoute, Link, useNavigate } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { industriesQueryOptions, productsQueryOptions, regionsQueryOptions, registrationRequirementsQueryOptions, useRegisterOpportunity } from '../../../api/portal';
import { WhatIfHint } from '../performance/-components/WhatIfHint';

export const Route = createFileRoute('/_authed/registrations/new')({
  loader: ({ context }) =>
    Promise.all([context.queryClient.ensureQueryData(industriesQueryOptions()), context.queryClient.ensureQueryData(regionsQueryOptions()), context.queryClient.ensureQueryData(productsQueryOptions())]),
  component: NewRegistration,
});

type Level = RegistrationInput['contacts'][number]['decisionLevel'];

const initialValues = {
  customer: { name: '', taxId: '', domain: '', industryId: null as string | null, regionId: null as string | null, address: '' },
  contacts: [{ name: '', title: '', decisionLevel: 'decision_maker' as Level }],
  products: [{ productId: null as string | null, quantity: 1 as number | string }],
  estimatedAmount: '',
  expectedCloseDate: '',
  stage: 'qualifying' as RegistrationInput['stage'],
  need: '',
  evidence: { proofOfCommunication: '', customerFeedback: '', customerDetails: '' },
};
type Values = typeof initialValues;

/** Optional texts left empty are omitted; only evidence actually written is sent. */
const schema = zodForm(RegistrationInputSchema, (v: Values) => ({
  ...v,
  customer: { name: v.customer.name, taxId: v.customer.taxId || undefined, domain: v.customer.domain || undefined, industryId: v.customer.industryId ?? '', regionId: v.customer.regionId ?? '', address: v.customer.address || undefined },
  contacts: v.contacts.map((c) => ({ name: c.name, title: c.title || undefined, decisionLevel: c.decisionLevel })),
  products: v.products.map((l) => ({ productId: l.productId ?? '', quantity: Number(l.quantity) })),
  evidence: Object.fromEntries(Object.entries(v.evidence).filter(([, e]) => e.trim())),
}), {}, () => fieldSpecs());

/** Every field by its label and kind: a refusal names the field and says what to do ("Choose an industry"). */
function fieldSpecs(): FieldSpecs {
  const l = (key: string) => translate(`registrations.${key}`);
  return {
    'customer.name': { label: l('customerName') },
    'customer.taxId': { label: l('taxId') },
    'customer.domain': { label: l('domain'), kind: 'url' },
    'customer.address': { label: l('address') },
    'customer.industryId': { label: l('industry'), kind: 'choose' },
    'customer.regionId': { label: l('region'), kind: 'choose' },
    'contacts.*.name': { label: l('contactName') },
    'contacts.*.title': { label: l('contactTitle') },
    'contacts.*.decisionLevel': { label: l('decisionLevel'), kind: 'choose' },
    contacts: { label: l('contacts') },
    'products.*.productId': { label: l('product'), kind: 'choose' },
    'products.*.quantity': { label: l('quantity'), kind: 'number' },
    products: { label: l('products') },
    estimatedAmount: { label: l('estimatedAmount'), kind: 'amount' },
    expectedCloseDate: { label: l('expectedClose'), kind: 'date' },
    stage: { label: l('stage'), kind: 'choose' },
    need: { label: l('need') },
    ...Object.fromEntries(EVIDENCE_KINDS.map((k) => [`evidence.${k}`, { label: l(k) }])),
  };
}

function NewRegistration() {
  const { t, i18n } = useTranslation();
  const zh = i18n.language === 'zh-CN';
  const navigate = useNavigate();
  const { data: industries } = useSuspenseQuery(industriesQueryOptions());
  const { data: regions } = useSuspenseQuery(regionsQueryOptions());
  const { data: products } = useSuspenseQuery(productsQueryOptions());
  const locale = useLocale();
  const register = useRegisterOpportunity();
  const form = useForm<Values>({ initialValues, validate: schema.validate });
  const errors = form.errors;
  const { contacts, products: lines } = form.values;
  const [files, setFiles] = useState<Record<EvidenceKind, File[]>>({ proofOfCommunication: [], customerFeedback: [], customerDetails: [] });
  const { data: needs } = useQuery(registrationRequirementsQueryOptions(form.values.customer.industryId, form.values.customer.regionId));

  /** The agreement's required evidence, each written or attached (checked here so the partner hears it before sending). */
  const missingEvidence = (values: Values): Record<string, string> =>
    Object.fromEntries(
      EVIDENCE_KINDS.filter((k) => needs?.evidence[k] && !values.evidence[k].trim() && !files[k].length).map((k) => [`evidence.${k}`, t('registerForm.evidenceRequired', { field: t(`registrations.${k}`) })]),
    );

  const send = (submit: boolean) =>
    form.onSubmit(
      (values) => {
        const missing = submit ? missingEvidence(values) : {};
        if (Object.keys(missing).length) {
          form.setErrors(missing);
          window.scrollTo({ top: 0, behavior: 'smooth' });
          return;
        }
        const attached = EVIDENCE_KINDS.flatMap((kind) => files[kind].map((file) => ({ kind, file })));
        register.mutate(
          { input: schema.parse(values), files: attached, submit },
          {
            onSuccess: (r) => {
              const due = formatDate(r.slaDue, locale);
              const message = !submit ? t('registerForm.savedDraft') : r.status === 'in_conflict' ? t('registerForm.submittedConflict', { date: due }) : r.status === 'approved' ? t('registerForm.submittedApproved') : t('registerForm.submittedReview', { date: due });
              notifications.show({ color: r.status === 'in_conflict' ? 'orange' : 'green', message });
              void navigate({ to: '/registrations/$registrationId', params: { registrationId: r.id } });
            },
            onError: (e) => {
              const draftId = e instanceof ApiError ? (e.details?.registrationId as string | undefined) : undefined;
              if (draftId) {
                // The draft exists (files or submission refused): open it, where the partner can fix and resubmit.
                notifications.show({ color: 'red', message: t('registerForm.keptAsDraft', { reason: e.message }) });
                void navigate({ to: '/registrations/$registrationId', params: { registrationId: draftId } });
                return;
              }
              form.setErrors(apiFieldErrors(e, String(e), fieldSpecs()));
              window.scrollTo({ top: 0, behavior: 'smooth' });
            },
          },
        );
      },
      () => window.scrollTo({ top: 0, behavior: 'smooth' }),
    )();

  return (
    <Stack maw={1000}>
      <Anchor size="sm" renderRoot={(props) => <Link {...props} to="/registrations" />}>
        ← {t('registrations.back')}
      </Anchor>
      <PageHeader title={t('registrations.formTitle')} subtitle={t('registerForm.intro')} />
      <ErrorSummary errors={errors} />
      <Card>
        <Title order={4} mb="sm">
          {t('registrations.customer')}
        </Title>
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <TextInput label={t('registrations.customerName')} {...form.getInputProps('customer.name')} required />
          <TextInput label={t('registrations.taxId')} description={t('registerForm.taxIdHint')} {...form.getInputProps('customer.taxId')} />
          <TextInput label={t('registrations.domain')} description={t('registerForm.domainHint')} placeholder="company.com" {...form.getInputProps('customer.domain')} />
          <TextInput label={t('registrations.address')} {...form.getInputProps('customer.address')} />
          <Select label={t('registrations.industry')} searchable data={industries.map((i) => ({ value: i.id, label: zh ? i.nameZh : i.nameEn }))} {...form.getInputProps('customer.industryId')} required />
          <Select label={t('registrations.region')} searchable data={regionOptions(regions, i18n.language)} {...form.getInputProps('customer.regionId')} required />
        </SimpleGrid>
      </Card>
      <Card>
        <Title order={4} mb="sm">
          {t('registrations.contacts')}
        </Title>
        <Stack gap="xs">
          {contacts.map((_, i) => (
            // On a phone each contact's fields stack; from the small breakpoint up they share a row.
            <Flex key={i} direction={{ base: 'column', sm: 'row' }} gap="xs" align={{ base: 'stretch', sm: 'flex-end' }}>
              <TextInput label={t('registrations.contactName')} aria-label={`${t('registrations.contactName')} ${i + 1}`} withAsterisk {...form.getInputProps(`contacts.${i}.name`)} style={{ flex: 1 }} />
              <TextInput label={t('registrations.contactTitle')} {...form.getInputProps(`contacts.${i}.title`)} style={{ flex: 1 }} />
              <Select label={t('registrations.decisionLevel')} allowDeselect={false} data={(['user_influencer', 'procurement', 'decision_maker'] as const).map((l) => ({ value: l, label: t(`registrations.levels.${l}`) }))} {...form.getInputProps(`contacts.${i}.decisionLevel`)} />
              <ActionIcon variant="subtle" color="red" size="lg" mb={2} aria-label={t('registerForm.removeContact')} disabled={contacts.length === 1} onClick={() => form.removeListItem('contacts', i)}>
                <IconTrash size={16} />
              </ActionIcon>
            </Flex>
          ))}
          <Button variant="subtle" w="fit-content" leftSection={<IconPlus size={14} />} onClick={() => form.insertListItem('contacts', { name: '', title: '', decisionLevel: 'user_influencer' })}>
            {t('registrations.addContact')}
          </Button>
        </Stack>
      </Card>
      <Card>
        <Title order={4} mb="sm">
          {t('registrations.products')}
        </Title>
        <Stack gap="xs">
          {lines.map((_, i) => (
            <Group key={i} wrap="nowrap" align="flex-end">
              <Select label={t('registrations.product')} aria-label={`${t('registrations.product')} ${i + 1}`} withAsterisk searchable data={products.map((p) => ({ value: p.id, label: `${p.sku} · ${zh ? p.nameZh : p.nameEn}` }))} {...form.getInputProps(`products.${i}.productId`)} style={{ flex: 1 }} />
              <NumberInput label={t('registrations.quantity')} min={1} w={120} {...form.getInputProps(`products.${i}.quantity`)} />
              <ActionIcon variant="subtle" color="red" size="lg" mb={2} aria-label={t('registerForm.removeProduct')} disabled={lines.length === 1} onClick={() => form.removeListItem('products', i)}>
                <IconTrash size={16} />
              </ActionIcon>
            </Group>
          ))}
          <Button variant="subtle" w="fit-content" leftSection={<IconPlus size={14} />} onClick={() => form.insertListItem('products', { productId: null, quantity: 1 })}>
            {t('registrations.addProduct')}
          </Button>
        </Stack>
        <SimpleGrid cols={{ base: 1, sm: 3 }} mt="sm">
          <TextInput label={t('registrations.estimatedAmount')} placeholder="480000.00" {...form.getInputProps('estimatedAmount')} required />
          <TextInput type="date" label={t('registrations.expectedClose')} {...form.getInputProps('expectedCloseDate')} required />
          <Select label={t('registrations.stage')} allowDeselect={false} data={(['qualifying', 'solution', 'proposal', 'negotiation'] as const).map((s) => ({ value: s, label: t(`registrations.stages.${s}`) }))} {...form.getInputProps('stage')} />
        </SimpleGrid>
        <WhatIfHint agreementId={needs?.agreement?.id} amount={form.values.estimatedAmount} />
        <Textarea mt="sm" label={t('registrations.need')} autosize minRows={3} {...form.getInputProps('need')} required />
      </Card>
      <Card>
        <Group justify="space-between" mb="sm">
          <Title order={4}>{t('registrations.evidence')}</Title>
          {needs?.agreement && <Badge variant="light">{t(`registerForm.coveredBy.${needs.agreement.type}`)}</Badge>}
        </Group>
        {!form.values.customer.industryId || !form.values.customer.regionId ? (
          <Text size="sm" c="dimmed" mb="sm">
            {t('registerForm.chooseSegmentFirst')}
          </Text>
        ) : needs && !needs.covered ? (
          <Alert color="orange" mb="sm">
            {t('registerForm.notCovered')}
          </Alert>
        ) : (
          <Text size="sm" c="dimmed" mb="sm">
            {EVIDENCE_KINDS.some((k) => needs?.evidence[k]) ? t('registerForm.evidenceIntro') : t('registerForm.noEvidenceRequired')}
          </Text>
        )}
        <Stack>
          {EVIDENCE_KINDS.map((k) => (
            <Stack key={k} gap={4}>
              <Textarea label={t(`registrations.${k}`)} withAsterisk={!!needs?.evidence[k]} description={needs?.evidence[k] ? t('registerForm.requiredByAgreement') : undefined} autosize minRows={2} {...form.getInputProps(`evidence.${k}`)} />
              <FileInput
                multiple
                clearable
                size="xs"
                leftSection={<IconPaperclip size={14} />}
                aria-label={t('registerForm.attachFor', { field: t(`registrations.${k}`) })}
                placeholder={t('registerForm.attach')}
                accept="application/pdf,image/png,image/jpeg,application/vnd.openxmlformats-officedocument.wordprocessingml.document,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
                value={files[k]}
                onChange={(picked) => {
                  setFiles((f) => ({ ...f, [k]: picked }));
                  if (picked.length) form.clearFieldError(`evidence.${k}`);
                }}
              />
            </Stack>
          ))}
        </Stack>
      </Card>
      <Group justify="flex-end">
        <Button size="md" variant="default" loading={register.isPending && register.variables?.submit === false} disabled={register.isPending} onClick={() => send(false)}>
          {t('registerForm.saveDraft')}
        </Button>
        <Button size="md" loading={register.isPending && register.variables?.submit === true} disabled={register.isPending} onClick={() => send(true)}>
          {t('registerForm.submit')}
        </Button>
      </Group>
    </Stack>
  );
}

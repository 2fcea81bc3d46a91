import { ActionIcon, Anchor, Box, Button, Card, Checkbox, Container, Group, NumberInput, Radio, SegmentedControl, Select, SimpleGrid, Stack, Switch, TagsInput, Text, Textarea, TextInput, ThemeIcon, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { IconHexagons, IconPlus, IconTrash } from '@tabler/icons-react';
import { type Locale, PartnerApplicationSchema } from '@partnerline/domain';
import { ApiError, apiFieldErrors, ErrorSummary, fieldPathProps, LanguageSwitch, zodForm } from '@partnerline/ui';
import { useSuspenseQuery } from '@tanstack/react-query';
import { createFileRoute, Link, useNavigate } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { industriesQueryOptions, regionOptions, regionsQueryOptions, useApply } from '../api/portal';
import { fieldSpecs } from '../form-fields';

/** The form's fields, worded in the UI language when asked. */
const applyFields = () => fieldSpecs('apply');

export const Route = createFileRoute('/apply')({
  loader: ({ context }) => Promise.all([context.queryClient.ensureQueryData(industriesQueryOptions()), context.queryClient.ensureQueryData(regionsQueryOptions())]),
  component: ApplyPage,
});

/** The form keeps the schema's shape (so every issue lands on its field), with strings and nulls where inputs need them. */
const initialValues = {
  companyName: '',
  companyNameEn: '',
  taxIdKind: 'uscc' as 'uscc' | 'other',
  taxId: '',
  domain: '',
  regionId: null as string | null,
  headcount: '' as number | string,
  annualRevenue: '',
  yearsTrading: '' as number | string,
  businessLines: [] as string[],
  existingVendors: [] as string[],
  cashFlow: { positiveLastYear: true, receivablesDays: 60 as number | string, notes: '' },
  type: 'smb' as 'smb' | 'strategic',
  desiredSegments: [{ industryId: null as string | null, regionId: null as string | null }],
  personInCharge: { name: '', title: '', email: '', phone: '' },
  declarations: { integrity: false, noConflictingCompetitorProducts: false },
  account: { email: '', displayName: '', password: '' },
};
type Values = typeof initialValues;

/** An empty number input is a missing value ("Enter the number of employees"), not 0. */
const numberOrEmpty = (v: number | string): number | undefined => (v === '' ? undefined : Number(v));

const applicationForm = (locale: Locale) =>
  zodForm(PartnerApplicationSchema, (f: Values) => ({
    ...f,
    companyNameEn: f.companyNameEn || undefined,
    regionId: f.regionId ?? '',
    headcount: numberOrEmpty(f.headcount),
    annualRevenue: String(f.annualRevenue),
    yearsTrading: numberOrEmpty(f.yearsTrading),
    cashFlow: { positiveLastYear: f.cashFlow.positiveLastYear, receivablesDays: numberOrEmpty(f.cashFlow.receivablesDays), notes: f.cashFlow.notes || undefined },
    desiredSegments: f.desiredSegments.map((s) => ({ industryId: s.industryId ?? '', regionId: s.regionId ?? '' })),
    personInCharge: { name: f.personInCharge.name, title: f.personInCharge.title || undefined, email: f.personInCharge.email, phone: f.personInCharge.phone || undefined },
    contacts: [],
    account: { ...f.account, locale },
  }), {}, applyFields);

function Section({ title, help, children }: { title: string; help?: string; children: React.ReactNode }) {
  return (
    <Card>
      <Stack gap="sm">
        <Stack gap={2}>
          <Title order={4}>{title}</Title>
          {help && (
            <Text size="sm" c="dimmed">
              {help}
            </Text>
          )}
        </Stack>
        {children}
      </Stack>
    </Card>
  );
}

function ApplyPage() {
  const { t, i18n } = useTranslation();
  const locale = i18n.language === 'zh-CN' ? 'zh-CN' : 'en';
  const navigate = useNavigate();
  const { data: industries } = useSuspenseQuery(industriesQueryOptions());
  const { data: regions } = useSuspenseQuery(regionsQueryOptions());
  const apply = useApply();
  const regionData = regionOptions(regions, locale);
  const industryData = industries.map((i) => ({ value: i.id, label: locale === 'zh-CN' ? i.nameZh : i.nameEn }));

  const schema = applicationForm(locale);
  const form = useForm<Values>({ initialValues, validate: schema.validate, enhanceGetInputProps: fieldPathProps });
  const toTop = () => window.scrollTo({ top: 0, behavior: 'smooth' });

  const submit = form.onSubmit(
    (values) =>
      apply.mutate(schema.parse(values), {
        onSuccess: (r) => {
          notifications.show({ color: 'green', message: t('apply.submitted', { reference: r.reference }) });
          void navigate({ to: '/application' });
        },
        onError: (err) => {
          if (err instanceof ApiError) form.setErrors(apiFieldErrors(err, err.message, applyFields()));
          toTop();
        },
      }),
    toTop,
  );
  const errors = form.errors;
  const segments = form.values.desiredSegments;

  return (
    <Box bg="var(--mantine-color-gray-0)" mih="100vh" pb={80}>
      <Group justify="space-between" px="lg" py="md" bg="white" style={{ borderBottom: '1px solid var(--mantine-color-gray-3)' }}>
        <Group gap="sm">
          <ThemeIcon size={32} radius="md" variant="gradient" gradient={{ from: 'indigo', to: 'cyan', deg: 135 }}>
            <IconHexagons size={20} />
          </ThemeIcon>
          <Title order={4}>Partnerline</Title>
        </Group>
        <Group>
          <Anchor size="sm" renderRoot={(props) => <Link {...props} to="/login" search={{}} />}>
            {t('apply.haveAccount')}
          </Anchor>
          <LanguageSwitch />
        </Group>
      </Group>
      <Container size="md" pt="xl">
        <form onSubmit={submit} noValidate>
        <Stack gap="lg">
          <Stack gap={4}>
            <Title order={2}>{t('apply.title')}</Title>
            <Text c="dimmed">{t('apply.subtitle')}</Text>
          </Stack>
          <ErrorSummary errors={errors} fields={applyFields()} />

          <Section title={t('apply.company')}>
            <SimpleGrid cols={{ base: 1, sm: 2 }}>
              <TextInput label={t('apply.companyName')} {...form.getInputProps('companyName')} required />
              <TextInput label={t('apply.companyNameEn')} {...form.getInputProps('companyNameEn')} />
            </SimpleGrid>
            <Stack gap={4}>
              <Text size="sm" fw={500}>
                {t('apply.taxIdKind')}
              </Text>
              <SegmentedControl w="fit-content" maw="100%" styles={{ label: { whiteSpace: 'normal' } }} {...form.getInputProps('taxIdKind')} data={[{ value: 'uscc', label: t('apply.uscc') }, { value: 'other', label: t('apply.other') }]} />
            </Stack>
            <SimpleGrid cols={{ base: 1, sm: 2 }}>
              <TextInput label={form.values.taxIdKind === 'uscc' ? t('apply.uscc') : t('apply.taxId')} {...form.getInputProps('taxId')} required maxLength={40} />
              <TextInput label={t('apply.domain')} placeholder="example.com" {...form.getInputProps('domain')} required />
              <Select label={t('apply.region')} searchable data={regionData} {...form.getInputProps('regionId')} required />
              <NumberInput label={t('apply.headcount')} min={1} allowDecimal={false} {...form.getInputProps('headcount')} required />
              <TextInput label={t('apply.annualRevenue')} placeholder="35000000.00" {...form.getInputProps('annualRevenue')} required />
              <NumberInput label={t('apply.yearsTrading')} min={0} allowDecimal={false} {...form.getInputProps('yearsTrading')} required />
            </SimpleGrid>
            <TagsInput label={t('apply.businessLines')} description={t('apply.businessLinesHelp')} {...form.getInputProps('businessLines')} required />
            <TagsInput label={t('apply.existingVendors')} description={t('apply.businessLinesHelp')} {...form.getInputProps('existingVendors')} />
          </Section>

          <Section title={t('apply.cashFlow')}>
            <Switch label={t('apply.positiveLastYear')} {...form.getInputProps('cashFlow.positiveLastYear', { type: 'checkbox' })} />
            <SimpleGrid cols={{ base: 1, sm: 2 }}>
              <NumberInput label={t('apply.receivablesDays')} min={0} allowDecimal={false} {...form.getInputProps('cashFlow.receivablesDays')} />
            </SimpleGrid>
            <Textarea label={t('apply.cashFlowNotes')} autosize minRows={2} {...form.getInputProps('cashFlow.notes')} />
          </Section>

          <Section title={t('apply.partnership')}>
            <Radio.Group label={t('apply.type')} {...form.getInputProps('type')}>
              <Stack gap="xs" mt="xs">
                <Radio value="strategic" label={t('partnerType.strategic')} description={t('apply.strategicHelp')} />
                <Radio value="smb" label={t('partnerType.smb')} description={t('apply.smbHelp')} />
              </Stack>
            </Radio.Group>
            <Stack gap="xs">
              <Text size="sm" fw={500}>
                {t('apply.segments')}
              </Text>
              <Text size="xs" c="dimmed">
                {t('apply.segmentsHelp')}
              </Text>
              {segments.map((_, i) => (
                <Group key={i} align="flex-end" wrap="nowrap">
                  <Select
                    label={t('apply.industry')}
                    aria-label={`${t('apply.industry')} ${i + 1}`}
                    searchable
                    data={industryData}
                    {...form.getInputProps(`desiredSegments.${i}.industryId`)}
                    style={{ flex: 1 }}
                  />
                  <Select
                    label={t('apply.segmentRegion')}
                    aria-label={`${t('apply.segmentRegion')} ${i + 1}`}
                    searchable
                    data={regionData}
                    {...form.getInputProps(`desiredSegments.${i}.regionId`)}
                    style={{ flex: 1 }}
                  />
                  <ActionIcon variant="subtle" color="red" size="lg" mb={2} disabled={segments.length === 1} aria-label="remove" onClick={() => form.removeListItem('desiredSegments', i)}>
                    <IconTrash size={16} />
                  </ActionIcon>
                </Group>
              ))}
              <Button variant="subtle" w="fit-content" leftSection={<IconPlus size={14} />} onClick={() => form.insertListItem('desiredSegments', { industryId: null, regionId: null })}>
                {t('apply.addSegment')}
              </Button>
            </Stack>
          </Section>

          <Section title={t('apply.personInCharge')}>
            <SimpleGrid cols={{ base: 1, sm: 2 }}>
              <TextInput label={t('apply.name')} aria-label={`${t('apply.personInCharge')} ${t('apply.name')}`} {...form.getInputProps('personInCharge.name')} required />
              <TextInput label={t('apply.jobTitle')} {...form.getInputProps('personInCharge.title')} />
              <TextInput label={t('apply.email')} aria-label={`${t('apply.personInCharge')} ${t('apply.email')}`} type="email" {...form.getInputProps('personInCharge.email')} required />
              <TextInput label={t('apply.phone')} {...form.getInputProps('personInCharge.phone')} />
            </SimpleGrid>
          </Section>

          <Section title={t('apply.declarations')}>
            <Checkbox label={t('apply.integrity')} {...form.getInputProps('declarations.integrity', { type: 'checkbox' })} />
            <Checkbox label={t('apply.noCompetitors')} {...form.getInputProps('declarations.noConflictingCompetitorProducts', { type: 'checkbox' })} />
          </Section>

          <Section title={t('apply.account')} help={t('apply.accountHelp')}>
            <SimpleGrid cols={{ base: 1, sm: 2 }}>
              <TextInput label={t('apply.displayName')} {...form.getInputProps('account.displayName')} required />
              <TextInput label={t('login.email', { ns: 'ui' })} type="email" autoComplete="username" {...form.getInputProps('account.email')} required />
              <TextInput label={t('apply.password')} type="password" autoComplete="new-password" {...form.getInputProps('account.password')} required />
            </SimpleGrid>
          </Section>

          <Group justify="flex-end">
            <Button type="submit" size="md" loading={apply.isPending}>
              {t('apply.submit')}
            </Button>
          </Group>
        </Stack>
        </form>
      </Container>
    </Box>
  );
}

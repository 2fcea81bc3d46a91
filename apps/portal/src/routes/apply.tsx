import { ActionIcon, Alert, Anchor, Box, Button, Card, Checkbox, Container, Group, NumberInput, Radio, SegmentedControl, Select, SimpleGrid, Stack, Switch, TagsInput, Text, Textarea, TextInput, ThemeIcon, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconHexagons, IconPlus, IconTrash } from '@tabler/icons-react';
import { PartnerApplicationSchema, translateZodIssue } from '@partnerline/domain';
import { ApiError, currentLanguage, LanguageSwitch } from '@partnerline/ui';
import { useSuspenseQuery } from '@tanstack/react-query';
import { createFileRoute, Link, useNavigate } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { industriesQueryOptions, regionOptions, regionsQueryOptions, useApply } from '../api/portal';

export const Route = createFileRoute('/apply')({
  loader: ({ context }) => Promise.all([context.queryClient.ensureQueryData(industriesQueryOptions()), context.queryClient.ensureQueryData(regionsQueryOptions())]),
  component: ApplyPage,
});

type Errors = Record<string, string>;

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

  const [f, setF] = useState({
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
    positiveLastYear: true,
    receivablesDays: 60 as number | string,
    cashFlowNotes: '',
    type: 'smb' as 'smb' | 'strategic',
    segments: [{ industryId: null as string | null, regionId: null as string | null }],
    pic: { name: '', title: '', email: '', phone: '' },
    integrity: false,
    noCompetitors: false,
    account: { email: '', displayName: '', password: '' },
  });
  const [errors, setErrors] = useState<Errors>({});
  const set = <K extends keyof typeof f>(k: K, v: (typeof f)[K]) => setF((s) => ({ ...s, [k]: v }));

  const body = () => ({
    companyName: f.companyName,
    companyNameEn: f.companyNameEn || undefined,
    taxIdKind: f.taxIdKind,
    taxId: f.taxId,
    domain: f.domain,
    regionId: f.regionId ?? '',
    headcount: Number(f.headcount),
    annualRevenue: String(f.annualRevenue),
    yearsTrading: Number(f.yearsTrading),
    businessLines: f.businessLines,
    existingVendors: f.existingVendors,
    cashFlow: { positiveLastYear: f.positiveLastYear, receivablesDays: Number(f.receivablesDays), notes: f.cashFlowNotes || undefined },
    type: f.type,
    desiredSegments: f.segments.map((s) => ({ industryId: s.industryId ?? '', regionId: s.regionId ?? '' })),
    personInCharge: { name: f.pic.name, title: f.pic.title || undefined, email: f.pic.email, phone: f.pic.phone || undefined },
    contacts: [],
    declarations: { integrity: f.integrity, noConflictingCompetitorProducts: f.noCompetitors },
    account: { ...f.account, locale },
  });

  const submit = (e: React.FormEvent) => {
    e.preventDefault();
    const parsed = PartnerApplicationSchema.safeParse(body());
    if (!parsed.success) {
      setErrors(Object.fromEntries(parsed.error.issues.map((i) => [i.path.join('.'), translateZodIssue(i as never, currentLanguage()).message])));
      window.scrollTo({ top: 0, behavior: 'smooth' });
      return;
    }
    setErrors({});
    apply.mutate(parsed.data, {
      onSuccess: (r) => {
        notifications.show({ color: 'green', message: t('apply.submitted', { reference: r.reference }) });
        void navigate({ to: '/application' });
      },
      onError: (err) => {
        if (err instanceof ApiError) setErrors(err.issues.length ? err.fieldErrors() : { form: err.message });
        window.scrollTo({ top: 0, behavior: 'smooth' });
      },
    });
  };
  const e = (path: string) => errors[path];

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
          {Object.keys(errors).length > 0 && (
            <Alert color="red" title={t('apply.fixErrors')}>
              {errors.form ?? Object.entries(errors).slice(0, 6).map(([k, v]) => <Text key={k} size="sm">{v}</Text>)}
            </Alert>
          )}

          <Section title={t('apply.company')}>
            <SimpleGrid cols={{ base: 1, sm: 2 }}>
              <TextInput label={t('apply.companyName')} value={f.companyName} onChange={(ev) => set('companyName', ev.currentTarget.value)} error={e('companyName')} required />
              <TextInput label={t('apply.companyNameEn')} value={f.companyNameEn} onChange={(ev) => set('companyNameEn', ev.currentTarget.value)} error={e('companyNameEn')} />
            </SimpleGrid>
            <Stack gap={4}>
              <Text size="sm" fw={500}>
                {t('apply.taxIdKind')}
              </Text>
              <SegmentedControl w="fit-content" value={f.taxIdKind} onChange={(v) => set('taxIdKind', v as 'uscc' | 'other')} data={[{ value: 'uscc', label: t('apply.uscc') }, { value: 'other', label: t('apply.other') }]} />
            </Stack>
            <SimpleGrid cols={{ base: 1, sm: 2 }}>
              <TextInput label={f.taxIdKind === 'uscc' ? t('apply.uscc') : t('apply.taxId')} value={f.taxId} onChange={(ev) => set('taxId', ev.currentTarget.value)} error={e('taxId')} required maxLength={40} />
              <TextInput label={t('apply.domain')} placeholder="example.com" value={f.domain} onChange={(ev) => set('domain', ev.currentTarget.value)} error={e('domain')} required />
              <Select label={t('apply.region')} searchable data={regionData} value={f.regionId} onChange={(v) => set('regionId', v)} error={e('regionId')} required />
              <NumberInput label={t('apply.headcount')} min={1} allowDecimal={false} value={f.headcount} onChange={(v) => set('headcount', v)} error={e('headcount')} required />
              <TextInput label={t('apply.annualRevenue')} placeholder="35000000.00" value={f.annualRevenue} onChange={(ev) => set('annualRevenue', ev.currentTarget.value)} error={e('annualRevenue')} required />
              <NumberInput label={t('apply.yearsTrading')} min={0} allowDecimal={false} value={f.yearsTrading} onChange={(v) => set('yearsTrading', v)} error={e('yearsTrading')} required />
            </SimpleGrid>
            <TagsInput label={t('apply.businessLines')} description={t('apply.businessLinesHelp')} value={f.businessLines} onChange={(v) => set('businessLines', v)} error={e('businessLines')} required />
            <TagsInput label={t('apply.existingVendors')} description={t('apply.businessLinesHelp')} value={f.existingVendors} onChange={(v) => set('existingVendors', v)} error={e('existingVendors')} />
          </Section>

          <Section title={t('apply.cashFlow')}>
            <Switch label={t('apply.positiveLastYear')} checked={f.positiveLastYear} onChange={(ev) => set('positiveLastYear', ev.currentTarget.checked)} />
            <SimpleGrid cols={{ base: 1, sm: 2 }}>
              <NumberInput label={t('apply.receivablesDays')} min={0} allowDecimal={false} value={f.receivablesDays} onChange={(v) => set('receivablesDays', v)} error={e('cashFlow.receivablesDays')} />
            </SimpleGrid>
            <Textarea label={t('apply.cashFlowNotes')} autosize minRows={2} value={f.cashFlowNotes} onChange={(ev) => set('cashFlowNotes', ev.currentTarget.value)} />
          </Section>

          <Section title={t('apply.partnership')}>
            <Radio.Group label={t('apply.type')} value={f.type} onChange={(v) => set('type', v as 'smb' | 'strategic')} error={e('type')}>
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
              {f.segments.map((s, i) => (
                <Group key={i} align="flex-end" wrap="nowrap">
                  <Select
                    label={t('apply.industry')}
                    aria-label={`${t('apply.industry')} ${i + 1}`}
                    searchable
                    data={industryData}
                    value={s.industryId}
                    onChange={(v) => set('segments', f.segments.map((x, j) => (j === i ? { ...x, industryId: v } : x)))}
                    error={e(`desiredSegments.${i}.industryId`)}
                    style={{ flex: 1 }}
                  />
                  <Select
                    label={t('apply.segmentRegion')}
                    aria-label={`${t('apply.segmentRegion')} ${i + 1}`}
                    searchable
                    data={regionData}
                    value={s.regionId}
                    onChange={(v) => set('segments', f.segments.map((x, j) => (j === i ? { ...x, regionId: v } : x)))}
                    error={e(`desiredSegments.${i}.regionId`)}
                    style={{ flex: 1 }}
                  />
                  <ActionIcon variant="subtle" color="red" size="lg" mb={2} disabled={f.segments.length === 1} aria-label="remove" onClick={() => set('segments', f.segments.filter((_, j) => j !== i))}>
                    <IconTrash size={16} />
                  </ActionIcon>
                </Group>
              ))}
              <Button variant="subtle" w="fit-content" leftSection={<IconPlus size={14} />} onClick={() => set('segments', [...f.segments, { industryId: null, regionId: null }])}>
                {t('apply.addSegment')}
              </Button>
            </Stack>
          </Section>

          <Section title={t('apply.personInCharge')}>
            <SimpleGrid cols={{ base: 1, sm: 2 }}>
              <TextInput label={t('apply.name')} aria-label={`${t('apply.personInCharge')} ${t('apply.name')}`} value={f.pic.name} onChange={(ev) => set('pic', { ...f.pic, name: ev.currentTarget.value })} error={e('personInCharge.name')} required />
              <TextInput label={t('apply.jobTitle')} value={f.pic.title} onChange={(ev) => set('pic', { ...f.pic, title: ev.currentTarget.value })} />
              <TextInput label={t('apply.email')} aria-label={`${t('apply.personInCharge')} ${t('apply.email')}`} type="email" value={f.pic.email} onChange={(ev) => set('pic', { ...f.pic, email: ev.currentTarget.value })} error={e('personInCharge.email')} required />
              <TextInput label={t('apply.phone')} value={f.pic.phone} onChange={(ev) => set('pic', { ...f.pic, phone: ev.currentTarget.value })} />
            </SimpleGrid>
          </Section>

          <Section title={t('apply.declarations')}>
            <Checkbox label={t('apply.integrity')} checked={f.integrity} onChange={(ev) => set('integrity', ev.currentTarget.checked)} error={e('declarations.integrity')} />
            <Checkbox label={t('apply.noCompetitors')} checked={f.noCompetitors} onChange={(ev) => set('noCompetitors', ev.currentTarget.checked)} error={e('declarations.noConflictingCompetitorProducts')} />
          </Section>

          <Section title={t('apply.account')} help={t('apply.accountHelp')}>
            <SimpleGrid cols={{ base: 1, sm: 2 }}>
              <TextInput label={t('apply.displayName')} value={f.account.displayName} onChange={(ev) => set('account', { ...f.account, displayName: ev.currentTarget.value })} error={e('account.displayName')} required />
              <TextInput label={t('login.email', { ns: 'ui' })} type="email" autoComplete="username" value={f.account.email} onChange={(ev) => set('account', { ...f.account, email: ev.currentTarget.value })} error={e('account.email')} required />
              <TextInput label={t('apply.password')} type="password" autoComplete="new-password" value={f.account.password} onChange={(ev) => set('account', { ...f.account, password: ev.currentTarget.value })} error={e('account.password')} required />
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

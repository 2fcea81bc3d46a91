import { Tabs } from '@mantine/core';
import { IconCertificate, IconRoute, IconSchool } from '@tabler/icons-react';
import { PageHeader } from '@partnerline/ui';
import { Link } from '@tanstack/react-router';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

const TABS = [
  { value: 'courses', to: '/training/courses', icon: IconSchool },
  { value: 'paths', to: '/training/paths', icon: IconRoute },
  { value: 'certifications', to: '/training/certifications', icon: IconCertificate },
] as const;

/** The training screen group: one header, and tabs for courses, certification paths and certificates. */
export function TrainingHeader({ active, actions }: { active: (typeof TABS)[number]['value']; actions?: ReactNode }) {
  const { t } = useTranslation();
  return (
    <>
      <PageHeader title={t('training.title')} subtitle={t(`training.subtitle.${active}`)} actions={actions} />
      <Tabs value={active} keepMounted={false}>
        <Tabs.List>
          {TABS.map(({ value, to, icon: Icon }) => (
            <Tabs.Tab key={value} value={value} leftSection={<Icon size={16} />} renderRoot={(props) => <Link {...props} to={to} />}>
              {t(`training.tabs.${value}`)}
            </Tabs.Tab>
          ))}
        </Tabs.List>
      </Tabs>
    </>
  );
}

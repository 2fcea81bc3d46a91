import { Tabs } from '@mantine/core';
import { PageHeader } from '@partnerline/ui';
import { IconListCheck, IconStars } from '@tabler/icons-react';
import { Link } from '@tanstack/react-router';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

const TABS = [
  { value: 'board', to: '/renewals', icon: IconListCheck },
  { value: 'ratings', to: '/renewals/ratings', icon: IconStars },
] as const;

/** The renewals screen group: the reviews board and the vendor-rating summary. */
export function RenewalsHeader({ active, actions }: { active: (typeof TABS)[number]['value']; actions?: ReactNode }) {
  const { t } = useTranslation();
  return (
    <>
      <PageHeader title={t('renewals.title')} subtitle={t(`renewals.subtitle.${active}`)} actions={actions} />
      <Tabs value={active} keepMounted={false}>
        <Tabs.List>
          {TABS.map(({ value, to, icon: Icon }) => (
            <Tabs.Tab key={value} value={value} leftSection={<Icon size={16} />} renderRoot={(props) => <Link {...props} to={to} />}>
              {t(`renewals.tabs.${value}`)}
            </Tabs.Tab>
          ))}
        </Tabs.List>
      </Tabs>
    </>
  );
}

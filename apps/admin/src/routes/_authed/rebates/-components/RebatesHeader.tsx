import { Tabs } from '@mantine/core';
import {
  IconAlertTriangle,
  IconBuildingBank,
  IconChartBar,
  IconCoin,
  IconFileInvoice,
  IconPlayerPlay,
  IconScale,
} from '@tabler/icons-react';
import { PageHeader } from '@partnerline/ui';
import { Link } from '@tanstack/react-router';
import { type ReactNode, useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';

export const REBATE_TABS = [
  { value: 'performance', to: '/rebates/performance', icon: IconChartBar },
  { value: 'runs', to: '/rebates/runs', icon: IconPlayerPlay },
  { value: 'statements', to: '/rebates/statements', icon: IconFileInvoice },
  { value: 'disputes', to: '/rebates/disputes', icon: IconAlertTriangle },
  { value: 'deposits', to: '/rebates/deposits', icon: IconBuildingBank },
  { value: 'payments', to: '/rebates/payments', icon: IconCoin },
  { value: 'liability', to: '/rebates/liability', icon: IconScale },
] as const;
type RebateTab = (typeof REBATE_TABS)[number]['value'];

/** The rebates screen group: one header and a tab per part (the tab row scrolls sideways on a phone). */
export function RebatesHeader({ active, actions }: { active: RebateTab; actions?: ReactNode }) {
  const { t } = useTranslation();
  const list = useRef<HTMLDivElement>(null);
  // On a phone the tab row scrolls sideways: bring the current tab into view.
  useEffect(() => {
    const tab = list.current?.querySelector<HTMLElement>('[aria-selected="true"]');
    if (tab && list.current) list.current.scrollLeft = tab.offsetLeft - 16;
  }, [active]);
  return (
    <>
      <PageHeader title={t('rebates.title')} subtitle={t(`rebates.subtitle.${active}`)} actions={actions} />
      <Tabs value={active} keepMounted={false}>
        <Tabs.List ref={list} style={{ flexWrap: 'nowrap', overflowX: 'auto', overflowY: 'hidden' }}>
          {REBATE_TABS.map(({ value, to, icon: Icon }) => (
            <Tabs.Tab
              key={value}
              value={value}
              leftSection={<Icon size={16} />}
              renderRoot={(props) => <Link {...props} to={to} />}
              style={{ flexShrink: 0 }}
            >
              {t(`rebates.tabs.${value}`)}
            </Tabs.Tab>
          ))}
        </Tabs.List>
      </Tabs>
    </>
  );
}

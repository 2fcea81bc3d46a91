import { MantineProvider } from '@mantine/core';
import { render, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { placeName } from './regions';
import { ResponsiveTable, type ResponsiveColumn } from './ResponsiveTable';

type Row = { id: string; name: string; status: string };
const rows: Row[] = [
  { id: '1', name: '浙江农信', status: 'Protected' },
  { id: '2', name: 'Qingdao Tidewater', status: 'In review' },
];
const columns: ResponsiveColumn<Row>[] = [
  { key: 'name', header: 'Customer', primary: true, cell: (r) => r.name },
  { key: 'status', header: 'Status', aside: true, cell: (r) => r.status },
  { key: 'action', header: 'Action', cell: (r) => <button type="button">Open {r.name}</button> },
];

describe('ResponsiveTable', () => {
  it('is a table on a wide screen', () => {
    render(
      <MantineProvider>
        <ResponsiveTable label="Registrations" columns={columns} rows={rows} rowKey={(r) => r.id} phone={false} />
      </MantineProvider>,
    );
    const table = screen.getByRole('table', { name: 'Registrations' });
    expect(within(table).getAllByRole('columnheader').map((h) => h.textContent)).toEqual(['Customer', 'Status', 'Action']);
    expect(within(table).getAllByRole('row')).toHaveLength(3);
  });

  it('is one card per row on a phone, with every cell and action in it', () => {
    render(
      <MantineProvider>
        <ResponsiveTable label="Registrations" columns={columns} rows={rows} rowKey={(r) => r.id} phone />
      </MantineProvider>,
    );
    expect(screen.queryByRole('table')).toBeNull();
    const cards = within(screen.getByRole('list', { name: 'Registrations' })).getAllByRole('listitem');
    expect(cards).toHaveLength(2);
    expect(within(cards[0]).getByText('浙江农信')).toBeTruthy();
    expect(within(cards[0]).getByText('Protected')).toBeTruthy();
    expect(within(cards[1]).getByRole('button', { name: 'Open Qingdao Tidewater' })).toBeTruthy();
  });
});

describe('placeName', () => {
  it('shows the English name on English pages where there is one, the Chinese name otherwise', () => {
    expect(placeName('浙江', 'Zhejiang', 'en')).toBe('Zhejiang');
    expect(placeName('浙江', 'Zhejiang', 'zh-CN')).toBe('浙江');
    expect(placeName('杭州市', null, 'en')).toBe('杭州市');
    expect(placeName(null, null, 'en')).toBe('—');
  });
});

import { Button, Text, View } from '@tarojs/components';
import type { ReactNode } from 'react';
import type { OverviewTable } from '@sqtb/shared';
import { TABLE_TITLES } from '../export';
import type { Tile } from '../figures';
import type { Link } from '../links';
import { openLink, type OverviewState } from '../use-overview';

/** One service of the overview under its heading. */
export function Section({ title, children }: { title: string; children: ReactNode }) {
  return (
    <View className="overview-section">
      <Text className="overview-section__title">{title}</Text>
      {children}
    </View>
  );
}

/** Figures in a grid; a figure with a list behind it opens that list. */
export function Tiles({ tiles }: { tiles: readonly Tile[] }) {
  return (
    <View className="figures">
      {tiles.map((t) => (
        <View
          key={t.key}
          className={`figure${t.alarm ? ' figure--alarm' : ''}${t.link ? ' figure--link' : ''}`}
          onClick={t.link ? () => openLink(t.link) : undefined}
        >
          <Text className="figure__value">{t.value}</Text>
          <Text className="figure__label">{t.label}</Text>
          {t.detail && <Text className="figure__detail">{t.detail}</Text>}
        </View>
      ))}
    </View>
  );
}

export interface TableCell {
  value: string;
  link?: Link;
  alarm?: boolean;
}
export interface TableRow {
  key: string;
  name: string;
  sub?: string;
  link?: Link;
  cells: readonly TableCell[];
}

/** A table of areas (committees, streets) whose names and counts open the list behind them. */
export function FigureTable({ head, columns, rows, emptyText }: { head: string; columns: readonly string[]; rows: readonly TableRow[]; emptyText: string }) {
  if (rows.length === 0) return <Text className="hint">{emptyText}</Text>;
  return (
    <View className="overview-table">
      <View className="overview-table__row overview-table__row--head">
        <Text className="overview-table__name">{head}</Text>
        {columns.map((c) => (
          <Text key={c} className="overview-table__cell">
            {c}
          </Text>
        ))}
      </View>
      {rows.map((row) => (
        <View key={row.key} className="overview-table__row">
          <View className="overview-table__name" onClick={row.link ? () => openLink(row.link ?? null) : undefined}>
            <Text className={row.link ? 'overview-link' : ''}>{row.name}</Text>
            {row.sub && <Text className="overview-table__sub">{row.sub}</Text>}
          </View>
          {row.cells.map((cell, i) => (
            <Text
              key={columns[i]}
              className={`overview-table__cell${cell.link ? ' overview-link' : ''}${cell.alarm && cell.value !== '0' ? ' overview-alarm' : ''}`}
              onClick={cell.link ? () => openLink(cell.link ?? null) : undefined}
            >
              {cell.value}
            </Text>
          ))}
        </View>
      ))}
    </View>
  );
}

type CsvState = Pick<OverviewState, 'exporting' | 'exported' | 'exportTable'>;

/** Export one table as CSV (see export.ts for what each platform can do). */
export function CsvButton({ table, state }: { table: OverviewTable; state: CsvState }) {
  return (
    <View className="overview-csv">
      <Button className="button button--plain button--small" disabled={state.exporting !== null} loading={state.exporting === table} onClick={() => void state.exportTable(table)}>
        {`导出${TABLE_TITLES[table]}（CSV）`}
      </Button>
      {state.exported?.table === table && <Text className="hint">{state.exported.message}</Text>}
    </View>
  );
}

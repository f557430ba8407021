import { Button, Text, View } from '@tarojs/components';
import { useState } from 'react';
import { findCategory } from '@sqtb/shared';
import { percent } from '../../complaints/dashboard-figures';
import { Chips } from '../../core/components/chips';
import { ColumnChart, type ColumnGroup } from '../../core/components/charts/column-chart';
import { formatShanghai } from '../../core/time';
import { areaRows, complaintTiles, overdueFor, overdueStep, RATE_SERIES, VOLUME_SERIES, weekLinks, weeklyRates, weeklyVolume, type AreaMode } from '../figures';
import { complaintLink, hotspotsLink, type Link } from '../links';
import { openLink, type OverviewData, type OverviewState } from '../use-overview';
import { CsvButton, FigureTable, Section, Tiles } from './parts';

const AREA_MODES = [
  { value: 'committees' as const, label: '按居委会' },
  { value: 'streets' as const, label: '按街道' },
];
const AREA_COLUMNS = ['收到', '结案', '超期', '按时', '满意'];

function AreaTable({ data, mode }: { data: OverviewData; mode: AreaMode }) {
  const rows = areaRows(data.overview, mode, data.viewer).map((r) => ({
    key: r.key,
    name: r.name,
    sub: r.street,
    link: r.link,
    cells: [
      { value: String(r.total.received), link: r.received },
      { value: String(r.total.closed), link: r.closed },
      { value: String(r.overdueNow), link: r.overdue, alarm: true },
      { value: percent(r.total.onTimeRate) },
      { value: percent(r.total.satisfactionRate) },
    ],
  }));
  return <FigureTable head={mode === 'streets' ? '街道' : '居委会'} columns={AREA_COLUMNS} rows={rows} emptyText="范围内没有居委会" />;
}

function WorstOverdue({ data, state }: { data: OverviewData; state: OverviewState }) {
  const items = data.overview.complaints.worstOverdue;
  if (items.length === 0) return <Text className="hint">没有超期事项</Text>;
  return (
    <View>
      {state.urgeError && <Text className="message--error">{state.urgeError}</Text>}
      {items.map((item) => (
        <View key={item.id} className="card card--overdue">
          <View onClick={() => openLink(complaintLink(item.id))}>
            <View className="card__head">
              <Text className="card__title">{item.categoryName}</Text>
              <Text className="tag tag--red">{overdueStep(item)}</Text>
            </View>
            <Text className="card__text">{item.address}</Text>
            <Text className="card__meta">{`${item.committeeName} · ${overdueFor(item.hoursOverdue)} · 时限 ${formatShanghai(item.dueAt, { short: true })}`}</Text>
          </View>
          {data.viewer === 'district' && (
            <Button className="button button--danger button--small" disabled={state.urging !== null} loading={state.urging === item.id} onClick={() => void state.urge(item.id)}>
              {item.urgeCount > 0 ? `催办（已催 ${item.urgeCount} 次）` : '催办'}
            </Button>
          )}
        </View>
      ))}
    </View>
  );
}

/** How many hotspots the overview lists before pointing to the full list, so the other services stay in reach. */
const HOTSPOTS_SHOWN = 5;

function Hotspots({ data }: { data: OverviewData }) {
  const hotspots = data.overview.complaints.openHotspots;
  if (hotspots.length === 0) return <Text className="hint">目前没有在管的乱点</Text>;
  const busiest = [...hotspots].sort((a, b) => b.complaintsInWindow - a.complaintsInWindow).slice(0, HOTSPOTS_SHOWN);
  return (
    <View>
      {busiest.map((h) => (
        <View key={h.id} className="card" onClick={() => openLink(hotspotsLink())}>
          <View className="card__head">
            <Text className="card__title">{h.committeeName}</Text>
            <Text className="tag tag--red">{`30 天内 ${h.complaintsInWindow} 件`}</Text>
          </View>
          <Text className="card__text">{h.categories.map((c) => findCategory(c)?.name ?? c).join('、')}</Text>
          <Text className="card__meta">{`位置 ${h.center.lat.toFixed(4)}, ${h.center.lng.toFixed(4)} · 立点 ${formatShanghai(h.openedAt, { short: true })}`}</Text>
        </View>
      ))}
      {hotspots.length > HOTSPOTS_SHOWN && (
        <Text className="overview-link" onClick={() => openLink(hotspotsLink())}>{`以上为件数最多的 ${HOTSPOTS_SHOWN} 个，查看全部 ${hotspots.length} 个乱点`}</Text>
      )}
    </View>
  );
}

/** Each week's columns open that week's complaints. */
const tappable = (groups: ColumnGroup[], links: Link[]): ColumnGroup[] =>
  groups.map((g, i) => {
    const link = links[i];
    return link ? { ...g, onTap: () => openLink(link) } : g;
  });

/** 投诉: the 8 weeks' figures, each week, each area, the worst overdue matters and the hotspots. */
export function ComplaintsSection({ data, state }: { data: OverviewData; state: OverviewState }) {
  const o = data.overview;
  const [mode, setMode] = useState<AreaMode>('committees');
  return (
    <Section title="投诉处理（近 8 周）">
      <Tiles tiles={complaintTiles(o)} />
      <ColumnChart title="每周收到与结案（件）" series={VOLUME_SERIES} groups={tappable(weeklyVolume(o), weekLinks(o))} />
      <ColumnChart title="每周按时办结率与满意率" series={RATE_SERIES} groups={tappable(weeklyRates(o), weekLinks(o))} max={1} format={percent} />
      <Text className="hint">按收到的周统计：每周的反映到目前为止办得怎样。</Text>
      <CsvButton table="complaints-weekly" state={state} />

      <Text className="section-title">各区域</Text>
      {o.scope.level === 'district' && <Chips options={AREA_MODES} value={mode} onChange={setMode} />}
      <AreaTable data={data} mode={mode} />
      {mode === 'streets' && <Text className="hint">点街道名查看该街道的总览；投诉列表按居委会筛选。</Text>}
      <CsvButton table="complaints-committees" state={state} />

      <Text className="section-title">超期最久的 5 件</Text>
      <WorstOverdue data={data} state={state} />
      <CsvButton table="overdue" state={state} />

      <Text className="section-title">{`在管乱点（${o.complaints.openHotspots.length}）`}</Text>
      <Hotspots data={data} />
      <CsvButton table="hotspots" state={state} />
    </Section>
  );
}

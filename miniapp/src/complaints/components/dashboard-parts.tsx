import { Button, Text, View } from '@tarojs/components';
import type { ComplaintDashboard, Hotspot } from '@sqtb/shared';
import { findCategory } from '@sqtb/shared';
import { Row } from '../../core/components/row';
import { formatShanghai } from '../../core/time';
import { committeeBars, headlineFigures, statusCounts } from '../dashboard-figures';

export function FigureGrid({ dashboard }: { dashboard: ComplaintDashboard }) {
  return (
    <View className="figures">
      {headlineFigures(dashboard).map((f) => (
        <View key={f.key} className={`figure${f.alarm ? ' figure--alarm' : ''}`}>
          <Text className="figure__value">{f.value}</Text>
          <Text className="figure__label">{f.label}</Text>
        </View>
      ))}
    </View>
  );
}

export function StatusCounts({ dashboard }: { dashboard: ComplaintDashboard }) {
  return (
    <View className="card">
      {statusCounts(dashboard.byStatus).map((s) => (
        <Row key={s.status} label={s.label} value={String(s.count)} />
      ))}
    </View>
  );
}

/**
 * Per-committee bars drawn with plain Views and CSS widths. No chart library is
 * used for now: none is installed, and one (e.g. ECharts for Taro) would add
 * hundreds of KB to a subpackage for what is a single horizontal bar per row.
 */
export function CommitteeBars({ rows }: { rows: ComplaintDashboard['byCommittee'] }) {
  const bars = committeeBars(rows);
  if (bars.length === 0) return <Text className="hint">暂无数据</Text>;
  return (
    <View className="card">
      {bars.map((bar) => (
        <View key={bar.key} className="bar">
          <View className="bar__label">
            <Text>{`${bar.street} ${bar.name}`}</Text>
            <Text className="row__label">{`${bar.total} 件 · 超期 ${bar.overdue} · 满意 ${bar.satisfaction}`}</Text>
          </View>
          <View className="bar__track">
            <View className="bar__fill" style={{ width: bar.width }} />
          </View>
        </View>
      ))}
    </View>
  );
}

export function HotspotList({ hotspots, committeeName }: { hotspots: Hotspot[]; committeeName: (id?: string) => string }) {
  if (hotspots.length === 0) return <Text className="hint">目前没有在管的乱点</Text>;
  return (
    <View>
      {hotspots.map((h) => (
        <View key={h.id} className="card">
          <View className="card__head">
            <Text className="card__title">{committeeName(h.committeeId)}</Text>
            <Text className="tag tag--red">{`30 天内 ${h.complaintsInWindow} 件`}</Text>
          </View>
          <Text className="card__text">{h.categories.map((code) => findCategory(code)?.name ?? code).join('、')}</Text>
          <Text className="card__meta">{`位置 ${h.center.lat.toFixed(4)}, ${h.center.lng.toFixed(4)} · 最近 ${formatShanghai(h.lastComplaintAt)} · 立点 ${formatShanghai(h.openedAt)}`}</Text>
        </View>
      ))}
    </View>
  );
}

export function CsvExport({ onExport, busy, message }: { onExport: () => void; busy: boolean; message: string | null }) {
  return (
    <View>
      <Button className="button button--plain" disabled={busy} loading={busy} onClick={onExport}>
        导出各居委数据（CSV）
      </Button>
      {message && <Text className="hint">{message}</Text>}
    </View>
  );
}

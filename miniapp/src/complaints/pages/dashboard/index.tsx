import { Button, Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useState } from 'react';
import { useSignedInRequest } from '../../../accounts/use-signed-in-request';
import { asApiError, errorText } from '../../../core/api-error';
import { PagedListView } from '../../../core/components/paged-list';
import { ErrorState, LoadingState } from '../../../core/components/status';
import { formatShanghai } from '../../../core/time';
import { fetchOrg } from '../../../org/api';
import { fetchDashboard, fetchOpenHotspots, urgeComplaint } from '../../api';
import { ComplaintCard } from '../../components/complaint-card';
import { CommitteeBars, CsvExport, FigureGrid, HotspotList, StatusCounts } from '../../components/dashboard-parts';
import { exportDashboardCsv } from '../../dashboard-export';
import { openComplaint, useComplaintList } from '../../use-complaint-list';

const OVERDUE = { overdue: 'true' } as const;

async function loadOverview() {
  const [dashboard, hotspots, org] = await Promise.all([fetchDashboard(), fetchOpenHotspots(), fetchOrg()]);
  const names = new Map(org.committees.map((c) => [c.id, c.name]));
  return { dashboard, hotspots, committeeName: (id?: string) => (id && names.get(id)) || '辖区外' };
}

/** District staff watch every area: figures, per-committee bars, hotspots, and the overdue matters to urge. */
export default function ComplaintDashboardPage() {
  const overview = useSignedInRequest(loadOverview);
  const overdue = useComplaintList(OVERDUE, overview.run);
  const [urging, setUrging] = useState<string | null>(null);
  const [urgeError, setUrgeError] = useState<string | null>(null);
  const [exporting, setExporting] = useState(false);
  const [exportMessage, setExportMessage] = useState<string | null>(null);

  const urge = async (id: string) => {
    setUrging(id);
    setUrgeError(null);
    try {
      const updated = await urgeComplaint(id);
      overdue.update((items) => items.map((item) => (item.id === id ? { ...item, urgeCount: updated.urgeCount } : item)));
      void Taro.showToast({ title: '已催办', icon: 'success' });
    } catch (caught) {
      setUrgeError(errorText(asApiError(caught)));
    } finally {
      setUrging(null);
    }
  };

  const exportCsv = async () => {
    setExporting(true);
    setExportMessage(await exportDashboardCsv());
    setExporting(false);
  };

  const data = overview.data;
  return (
    <View className="page">
      {overview.error && <ErrorState error={overview.error} onRetry={overview.run} />}
      {!data && !overview.error && <LoadingState />}
      {data && (
        <View>
          <Text className="page__subtitle">{`统计时间 ${formatShanghai(data.dashboard.generatedAt)}`}</Text>
          <FigureGrid dashboard={data.dashboard} />
          <Text className="section-title">各状态数量</Text>
          <StatusCounts dashboard={data.dashboard} />
          <Text className="section-title">各居委会反映量</Text>
          <CommitteeBars rows={data.dashboard.byCommittee} />
          <Text className="section-title">在管乱点</Text>
          <HotspotList hotspots={data.hotspots} committeeName={data.committeeName} />
          <CsvExport onExport={() => void exportCsv()} busy={exporting} message={exportMessage} />
        </View>
      )}
      <Text className="section-title">超期事项</Text>
      {urgeError && <Text className="message--error">{urgeError}</Text>}
      <PagedListView
        list={overdue}
        emptyText="没有超期事项"
        renderItem={(c) => (
          <ComplaintCard key={c.id} complaint={c} onOpen={openComplaint}>
            <Button className="button button--danger button--small" disabled={urging !== null} loading={urging === c.id} onClick={() => void urge(c.id)}>
              {c.urgeCount > 0 ? `催办（已催 ${c.urgeCount} 次）` : '催办'}
            </Button>
          </ComplaintCard>
        )}
      />
    </View>
  );
}

import { View } from '@tarojs/components';
import { useRouter } from '@tarojs/taro';
import { useState } from 'react';
import { Chips } from '../../../core/components/chips';
import { AppealsSection } from '../../components/appeals-section';
import { CasesSection } from '../../components/cases-section';
import { ImportSection } from '../../components/import-section';
import { RegionsSection } from '../../components/regions-section';

type Tab = 'cases' | 'import' | 'appeals' | 'regions';
const TABS = [
  { value: 'cases' as const, label: '病例状态' },
  { value: 'import' as const, label: '批量导入' },
  { value: 'appeals' as const, label: '申诉处理' },
  { value: 'regions' as const, label: '风险地区' },
];

/**
 * 健康管理 (district): medical statuses by form or CSV, the appeals queue, and the
 * risk regions. Each tab loads when opened, so it always shows the latest.
 * A link may open a tab with `?tab=` (e.g. the overview's open appeals).
 */
export default function HealthManagePage() {
  const { params } = useRouter();
  const [tab, setTab] = useState<Tab>(TABS.find((t) => t.value === params.tab)?.value ?? 'cases');
  return (
    <View className="page">
      <Chips options={TABS} value={tab} onChange={setTab} />
      {tab === 'cases' && <CasesSection />}
      {tab === 'import' && <ImportSection />}
      {tab === 'appeals' && <AppealsSection />}
      {tab === 'regions' && <RegionsSection />}
    </View>
  );
}

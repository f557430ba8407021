import { View } from '@tarojs/components';
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
 */
export default function HealthManagePage() {
  const [tab, setTab] = useState<Tab>('cases');
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

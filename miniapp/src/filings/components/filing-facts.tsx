import { Text, View } from '@tarojs/components';
import { Row } from '../../core/components/row';
import { monthDayWords } from '../../core/time';
import type { FilingView } from '../api';

/** What the enterprise filed, as label / value rows, and its prevention plan. */
export function FilingFacts({ filing, committeeName }: { filing: FilingView; committeeName?: string }) {
  return (
    <View>
      <View className="card">
        <Row label="统一社会信用代码" value={filing.creditCodeMasked} />
        <Row label="经营地址" value={filing.address} />
        {committeeName && <Row label="所属居委会" value={committeeName} />}
        <Row label="联系人" value={`${filing.contactName} ${filing.contactPhoneMasked}`} />
        <Row label="复工日期" value={monthDayWords(filing.reopenDate)} />
        <Row label="防疫物资储备" value={`${filing.suppliesDays} 天`} />
        <Row label="隔离观察室" value={filing.isolationRoom ? '已设置' : '未设置'} />
        <Row label="防控承诺" value={filing.commitment ? '已签署' : '未签署'} />
      </View>
      <Text className="section-title">防控方案</Text>
      <View className="card">
        <Text className="filing-plan">{filing.plan.text}</Text>
      </View>
    </View>
  );
}

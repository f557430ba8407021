import { Input, Text, View } from '@tarojs/components';
import { EmptyState } from '../../../core/components/status';
import { FormFooter } from '../../../core/components/form-footer';
import { isH5 } from '../../../core/platform';
import { LookupItem } from '../../components/lookup-item';
import { LOOKUP_QUERY_MAX, usePlaceLookup } from '../../use-place-lookup';

/** 企业复工: has this enterprise or shop resumed, with an approved filing, and since when? */
export default function PlaceLookupPage() {
  const lookup = usePlaceLookup();
  const { result } = lookup;
  return (
    <View className="page">
      <Text className="page__subtitle">查询企业、药店是否已复工（复工备案已获批准）及复工日期。</Text>
      <Input
        className="field"
        placeholder="输入企业或药店名称"
        value={lookup.query}
        maxlength={LOOKUP_QUERY_MAX}
        onInput={(e) => lookup.setQuery(e.detail.value)}
        onConfirm={() => void lookup.search()}
      />
      <FormFooter error={lookup.error} label="查询" busy={lookup.busy} onSubmit={() => void lookup.search()} />
      {!isH5() && (
        <View>
          <FormFooter label="扫场所码查询" tone="plain" disabled={lookup.busy} onSubmit={() => void lookup.scan()} />
          <Text className="hint">扫描场所门口的场所码即可查看该场所；只查询，不记为到访。</Text>
        </View>
      )}
      {result && (
        <View>
          <Text className="section-title">{`「${result.query}」的查询结果`}</Text>
          {result.items.length === 0 ? <EmptyState text="没有找到相符的企业或药店" /> : result.items.map((item) => <LookupItem key={item.id} item={item} />)}
        </View>
      )}
    </View>
  );
}

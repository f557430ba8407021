import { Input, Switch, Text, View } from '@tarojs/components';
import { addStockBodySchema } from '@sqtb/shared';
import { FormFooter } from '../../core/components/form-footer';
import { ErrorState, LoadingState } from '../../core/components/status';
import { maxDigits } from '../../core/schema-limits';
import { formatShanghai } from '../../core/time';
import { useStock } from '../use-stock';

/** The pharmacy's own stock in the open round: sold-out switch and stock that arrived. */
export function StockPanel() {
  const s = useStock();
  const { data } = s.own;
  if (s.own.error) return <ErrorState error={s.own.error} onRetry={s.own.run} />;
  if (s.own.data === undefined) return <LoadingState text="正在加载库存…" />;
  if (!data) return <Text className="hint">账号未绑定药店，无法管理库存。</Text>;
  if (!data.roundOpen || !data.stock) return <Text className="hint">{`${data.name}：当前没有开放的预约轮次，暂无库存可管理。`}</Text>;
  const { stock } = data;
  return (
    <View className="card">
      <View className="card__head">
        <Text className="card__title">{data.name}</Text>
        {stock.soldOut && <Text className="tag tag--grey">已标记无货</Text>}
      </View>
      <Text className="card__text">{`本轮可约 ${stock.available} / ${stock.total} 只`}</Text>
      <Text className="card__meta">{`更新于 ${formatShanghai(stock.updatedAt, { short: true })}`}</Text>
      <View className="switch-row">
        <Text>暂停预约（标记无货）</Text>
        <Switch checked={stock.soldOut} disabled={s.busy} onChange={(e) => void s.toggleSoldOut(e.detail.value)} />
      </View>
      <Input className="field" placeholder="到货数量（只）" type="number" value={s.quantity} maxlength={maxDigits(addStockBodySchema.shape.quantity)} onInput={(e) => s.setQuantity(e.detail.value)} />
      <FormFooter error={s.error} label="登记到货" busy={s.busy} tone="plain" small onSubmit={() => void s.add()} />
    </View>
  );
}

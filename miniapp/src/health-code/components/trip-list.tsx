import { Button, Picker, Text, View } from '@tarojs/components';
import type { RiskRegionView } from '@sqtb/shared';
import { DateField } from '../../core/components/date-field';
import type { TripDraft } from '../declaration-draft';
import { RISK_LEVEL_LABELS } from '../words';

interface Props {
  trips: TripDraft[];
  regions: RiskRegionView[];
  today: string;
  onChange: (key: number, patch: Partial<TripDraft>) => void;
  onRemove: (key: number) => void;
}

const regionLabel = (r: RiskRegionView) => `${r.name}（${RISK_LEVEL_LABELS[r.level]}）`;

/** The places visited in the last 14 days: a region from the published list and the day. */
export function TripList({ trips, regions, today, onChange, onRemove }: Props) {
  const labels = regions.map(regionLabel);
  return (
    <View>
      {trips.map((trip, i) => {
        const index = regions.findIndex((r) => r.code === trip.region);
        return (
          <View key={trip.key} className="card trip">
            <View className="trip__head">
              <Text className="card__title">{`行程 ${i + 1}`}</Text>
              <Text className="trip__remove" onClick={() => onRemove(trip.key)}>
                删除
              </Text>
            </View>
            <Picker mode="selector" range={labels} value={Math.max(0, index)} onChange={(e) => onChange(trip.key, { region: regions[Number(e.detail.value)]?.code })}>
              <View className="field field--picker">
                <Text className={index >= 0 ? '' : 'field__placeholder'}>{index >= 0 ? labels[index] : '选择到过的地区'}</Text>
              </View>
            </Picker>
            <DateField value={trip.date} end={today} onChange={(date) => onChange(trip.key, { date })} />
          </View>
        );
      })}
    </View>
  );
}

export function AddTripButton({ onAdd, disabled }: { onAdd: () => void; disabled?: boolean }) {
  return (
    <Button className="button button--plain button--small" disabled={disabled} onClick={onAdd}>
      添加行程
    </Button>
  );
}

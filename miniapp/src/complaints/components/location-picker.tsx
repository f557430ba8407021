import { Button, Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useEffect } from 'react';
import type { LatLng } from '@sqtb/shared';
import { fetchMe } from '../../accounts/api';
import { useSignedInRequest } from '../../accounts/use-signed-in-request';
import { Chips } from '../../core/components/chips';
import { ErrorState, LoadingState } from '../../core/components/status';
import { isH5 } from '../../core/platform';
import { withPrivacy } from '../../core/privacy';
import { fetchOrg } from '../../org/api';
import { committeePicks, type PlacePick } from '../report-draft';

interface Props {
  location?: LatLng;
  onPick: (place: { location: LatLng; address: string; key?: string }) => void;
  pickedKey?: string;
}

/**
 * Where the problem is. The mini-program opens WeChat's map (chooseLocation);
 * H5 has no map here, so it offers the committees' area centres as quick picks
 * and the resident types the exact address.
 */
export function LocationPicker(props: Props) {
  return (
    <View>
      {isH5() ? <CommitteePicks {...props} /> : <MapPick {...props} />}
      {props.location && (
        <Text className="hint">{`已选位置：${props.location.lat.toFixed(5)}, ${props.location.lng.toFixed(5)}`}</Text>
      )}
    </View>
  );
}

function MapPick({ onPick }: Props) {
  const choose = async () => {
    try {
      const place = await withPrivacy(() => Taro.chooseLocation({}));
      if (!place) return; // the privacy agreement was declined
      onPick({ location: { lat: place.latitude, lng: place.longitude }, address: place.address || place.name });
    } catch {
      // Cancelled, or location permission refused: the resident can try again.
    }
  };
  return (
    <Button className="button button--plain" onClick={() => void choose()}>
      在地图上选择位置
    </Button>
  );
}

/** The committees, and who is asking: the resident's own committee is offered first. */
const loadPlaces = async () => {
  const [org, me] = await Promise.all([fetchOrg(), fetchMe()]);
  return committeePicks(org, me.scope.committeeId);
};

function CommitteePicks({ onPick, pickedKey }: Props) {
  const org = useSignedInRequest(loadPlaces);
  const { run } = org;
  useEffect(() => void run(), [run]);
  if (org.error) return <ErrorState error={org.error} onRetry={run} />;
  if (!org.data) return <LoadingState text="正在加载小区…" />;
  const picks = org.data;
  const byKey = new Map<string, PlacePick>(picks.map((p) => [p.key, p]));
  return (
    <View>
      <Text className="hint">选择所在小区（以居委会辖区中心定位），再填写详细地址</Text>
      <Chips
        options={picks.map((p) => ({ value: p.key, label: p.label }))}
        value={pickedKey}
        onChange={(key) => {
          const pick = byKey.get(key);
          if (pick) onPick({ location: pick.location, address: pick.address, key });
        }}
      />
    </View>
  );
}

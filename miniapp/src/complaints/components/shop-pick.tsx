import { Text, View } from '@tarojs/components';
import { useEffect, useState } from 'react';
import type { LatLng } from '@sqtb/shared';
import { Chips, type ChipOption } from '../../core/components/chips';
import { fetchNearbyShops } from '../api';

const NO_SHOP = '';

/**
 * A pick among the street shops near a point (names only), or none. Shown only
 * when shops are near; a failed look-up hides the pick rather than the form.
 */
export function ShopPick(props: {
  at?: LatLng;
  value?: string;
  /** The shop already linked, offered even when it is not among those found near. */
  linked?: { id: string; name: string };
  onChange: (shopId: string | undefined) => void;
  disabled?: boolean;
  title: string;
}) {
  const [shops, setShops] = useState<Array<{ id: string; name: string }>>([]);
  const { at } = props;
  useEffect(() => {
    if (!at) return;
    let current = true;
    fetchNearbyShops(at).then(
      (found) => current && setShops(found),
      () => current && setShops([]),
    );
    return () => {
      current = false;
    };
  }, [at?.lat, at?.lng]);

  const offered = props.linked && !shops.some((s) => s.id === props.linked!.id) ? [props.linked, ...shops] : shops;
  if (offered.length === 0) return null;
  const options: ChipOption<string>[] = [{ value: NO_SHOP, label: '不涉及商铺' }, ...offered.map((s) => ({ value: s.id, label: s.name }))];
  return (
    <View>
      <Text className="section-title">{props.title}</Text>
      <Chips options={options} value={props.value ?? NO_SHOP} onChange={(id) => props.onChange(id === NO_SHOP ? undefined : id)} disabled={props.disabled} />
    </View>
  );
}

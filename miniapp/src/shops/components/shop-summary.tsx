import { Text, View } from '@tarojs/components';
import { BUSINESS_TYPE_WORDS, SHOP_GRADE_WORDS, type ShopView } from '@sqtb/shared';
import { Row } from '../../core/components/row';
import { formatShanghai } from '../../core/time';
import { gradeClass, nextFallWords } from '../shop-words';

/** The head of a shop's card: its grade in words and colour, why, and the day it falls by itself. */
export function ShopSummary({ shop }: { shop: ShopView }) {
  return (
    <View className={`card shop-summary shop-summary--${shop.grade}`}>
      <Text className="page__title">{shop.name}</Text>
      <View className={`shop-summary__grade ${gradeClass('fill', shop.grade)}`}>
        <Text>{SHOP_GRADE_WORDS[shop.grade]}</Text>
      </View>
      <Text className="section-title">评级依据</Text>
      {shop.reasons.map((reason) => (
        <Text key={reason} className="card__text">{`· ${reason}`}</Text>
      ))}
      {shop.nextFallOn && <Text className="card__meta">{nextFallWords(shop.nextFallOn)}</Text>}
      <Text className="card__meta">{`评定于 ${formatShanghai(shop.gradedAt)}`}</Text>

      <Row label="业态" value={BUSINESS_TYPE_WORDS[shop.businessType]} />
      <Row label="地址" value={shop.address} />
      <Row label="所属居委" value={shop.committeeName ?? '辖区外'} />
      <Row label="最近巡查" value={shop.lastInspectedOn ?? '从未巡查'} />
      {shop.contactPhone && <Row label="联系电话" value={shop.contactPhone} />}
      {shop.licenceNumber && <Row label="营业执照号" value={shop.licenceNumber} />}
    </View>
  );
}

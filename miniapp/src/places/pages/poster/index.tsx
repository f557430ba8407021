import { Button, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useSignedInRequest } from '../../../accounts/use-signed-in-request';
import { EmptyState, ErrorState, LoadingState } from '../../../core/components/status';
import { useReloadOnShowAndPull } from '../../../core/page-events';
import { fetchMyPlace } from '../../api';
import { PlacePoster } from '../../components/place-poster';
import { TokenText } from '../../../health-code/components/token-text';
import { PosterActions } from '../../components/poster-actions';
import { noPlaceYet } from '../../no-place';
import { usePosterPrintStyle } from '../../print-style';
import { PLACE_ROUTES } from '../../routes';
import { NO_PLACE_YET } from '../../words';
import '../../places.css';

/** 我的场所码: the poster an enterprise or pharmacy prints (H5) or saves as an image (weapp). */
export default function PlacePosterPage() {
  const place = useSignedInRequest(fetchMyPlace);
  useReloadOnShowAndPull(place.run);
  usePosterPrintStyle();

  if (!place.data) {
    if (noPlaceYet(place.error)) return <View className="page"><EmptyState text={NO_PLACE_YET} /></View>;
    return <View className="page">{place.error ? <ErrorState error={place.error} onRetry={place.run} /> : <LoadingState />}</View>;
  }
  return (
    <View className="page">
      <PlacePoster place={place.data} />
      <PosterActions place={place.data} />
      <TokenText token={place.data.token} hint="网页版无法扫码的访客可粘贴码值登记；码值长期有效，停用后失效。" />
      <Button className="button button--plain" onClick={() => void Taro.navigateTo({ url: PLACE_ROUTES.today })}>
        今日到访
      </Button>
    </View>
  );
}

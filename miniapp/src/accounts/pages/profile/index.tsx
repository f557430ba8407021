import { Button, Text, View } from '@tarojs/components';
import Taro, { useDidShow } from '@tarojs/taro';
import { ROLE_LABELS } from '@sqtb/shared';
import { loadProfile, noScopeText } from '../../profile';
import { confirmSignOut } from '../../sign-out';
import { useSignedInRequest } from '../../use-signed-in-request';
import { Row } from '../../../core/components/row';
import { ROUTES } from '../../../core/routes';
import { ErrorState, LoadingState } from '../../../core/components/status';

export default function ProfilePage() {
  const profile = useSignedInRequest(loadProfile);
  useDidShow(() => void profile.run());

  const data = profile.data;
  return (
    <View className="page">
      {profile.error && <ErrorState error={profile.error} onRetry={profile.run} />}
      {!data && !profile.error && <LoadingState />}
      {data && (
        <View>
          <View className="card">
            <Row label="姓名" value={data.user.displayName} />
            <Row label="身份" value={ROLE_LABELS[data.user.role]} />
          </View>
          <Text className="section-title">所属单位</Text>
          <View className="card">
            {data.scope.length === 0 ? (
              <Text className="row__label">{noScopeText(data.user)}</Text>
            ) : (
              data.scope.map((line) => <Row key={line.label} label={line.label} value={line.name} />)
            )}
          </View>
        </View>
      )}
      <Text className="link" onClick={() => void Taro.navigateTo({ url: ROUTES.privacy })}>
        个人信息与隐私
      </Text>
      <Button className="button button--danger" onClick={() => void confirmSignOut()}>
        退出登录
      </Button>
    </View>
  );
}

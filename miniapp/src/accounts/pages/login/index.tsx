import { Button, Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useEffect, useState } from 'react';
import { DesktopSignIn } from '../../components/desktop-sign-in';
import { DevAccountList } from '../../components/dev-account-list';
import { devLoginCode, loginWithCode, loginWithWechat } from '../../login';
import { useLogin } from '../../use-login';
import { errorText } from '../../../core/api-error';
import { isDesktopBrowser, isH5 } from '../../../core/platform';
import { ROUTES } from '../../../core/routes';
import { readToken } from '../../../core/session';

export default function LoginPage() {
  const { pending, error, login } = useLogin();
  const [desktop] = useState(isDesktopBrowser);

  // A kept, unexpired token goes straight home; home re-checks it with the server.
  useEffect(() => {
    if (readToken()) void Taro.reLaunch({ url: ROUTES.home });
  }, []);

  return (
    <View className="page">
      <Text className="page__title">社区通办</Text>
      <Text className="page__subtitle">问题上报、口罩预约、随申码与企业复工，一处办理</Text>
      {desktop && <DesktopSignIn />}
      {isH5() ? (
        <DevAccountList
          quietWhenUnavailable={desktop}
          pending={pending}
          onPick={(account) =>
            void login(account.openid, () => loginWithCode(devLoginCode(account.openid)))
          }
        />
      ) : (
        <Button
          className="button button--primary"
          disabled={pending !== null}
          loading={pending === 'wechat'}
          onClick={() => void login('wechat', loginWithWechat)}
        >
          微信一键登录
        </Button>
      )}
      {error && <Text className="message--error">{errorText(error)}</Text>}
    </View>
  );
}

import { Button, Text, View } from '@tarojs/components';
import { ROLE_LABELS, type DevAccount } from '@sqtb/shared';
import { useEffect } from 'react';
import { EmptyState, ErrorState, LoadingState } from '../../core/components/status';
import { useRequest } from '../../core/use-request';
import { fetchDevAccounts } from '../api';

interface Props {
  pending: string | null;
  onPick: (account: DevAccount) => void;
  /** Say nothing outside development (a computer signs in by QR code instead). */
  quietWhenUnavailable?: boolean;
}

/** H5 has no wx.login: in development the BFF offers its seeded accounts instead. */
export function DevAccountList({ pending, onPick, quietWhenUnavailable = false }: Props) {
  const accounts = useRequest(fetchDevAccounts);
  const { run } = accounts;
  useEffect(() => {
    void run();
  }, [run]);

  if (accounts.error?.status === 404) {
    return quietWhenUnavailable ? null : <EmptyState text="当前环境未开放开发账号登录" />;
  }
  if (accounts.error) return <ErrorState error={accounts.error} onRetry={run} />;
  if (!accounts.data) return <LoadingState />;
  if (accounts.data.length === 0) return <EmptyState text="没有可用的开发账号" />;

  return (
    <View>
      <Text className="section-title">选择开发账号登录</Text>
      {accounts.data.map((account) => (
        <Button
          key={account.openid}
          className="button button--plain"
          disabled={pending !== null}
          loading={pending === account.openid}
          onClick={() => onPick(account)}
        >
          {`${account.displayName}（${ROLE_LABELS[account.role]}）`}
        </Button>
      ))}
    </View>
  );
}

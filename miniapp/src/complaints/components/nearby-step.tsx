import { Button, Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import type { ReportFlow } from '../use-report-flow';
import { StatusTag } from './status-tag';

/** Before the final submit: the same problem may already be reported within 100 m. */
export function NearbyStep({ flow }: { flow: ReportFlow }) {
  const busy = flow.pending !== null;
  return (
    <View>
      {flow.nearbyError ? (
        <Text className="message--error">{flow.nearbyError}</Text>
      ) : (
        <View>
          <Text className="page__subtitle">{`附近 100 米内已有 ${flow.nearby.length} 条相同类型的反映。如果是同一个问题，点「我也遇到了」即可，不必重复提交。`}</Text>
          {flow.nearby.map((item) => {
            const count = flow.joined[item.id];
            return (
              <View key={item.id} className="card">
                <View className="card__head">
                  <Text className="card__title">{`${item.distanceMeters} 米外`}</Text>
                  <StatusTag status={item.status} />
                </View>
                <Text className="card__text">{item.description}</Text>
                <Text className="card__meta">{item.address}</Text>
                <Text className="card__meta">{`${count ?? item.meTooCount} 人也遇到了`}</Text>
                {count === undefined ? (
                  <Button className="button button--plain button--small" disabled={busy} onClick={() => void flow.joinMeToo(item.id)}>
                    我也遇到了
                  </Button>
                ) : (
                  <Text className="hint">已记录您的反映</Text>
                )}
              </View>
            );
          })}
        </View>
      )}
      {flow.error && <Text className="message--error">{flow.error}</Text>}
      {Object.keys(flow.joined).length > 0 && (
        <Button className="button button--primary" disabled={busy} onClick={() => void Taro.navigateBack()}>
          完成，不再提交
        </Button>
      )}
      <Button className="button button--plain" disabled={busy} loading={flow.pending === 'submitting'} onClick={() => void flow.submit()}>
        仍要提交
      </Button>
      <Button className="button button--plain" disabled={busy} onClick={flow.backToForm}>
        返回修改
      </Button>
    </View>
  );
}

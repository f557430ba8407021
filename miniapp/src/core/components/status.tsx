import { Button, Text, View } from '@tarojs/components';
import { errorText, type ApiError } from '../api-error';

export function LoadingState({ text = '加载中…' }: { text?: string }) {
  return (
    <View className="status">
      <Text className="status__text">{text}</Text>
    </View>
  );
}

export function EmptyState({ text }: { text: string }) {
  return (
    <View className="status">
      <Text className="status__text">{text}</Text>
    </View>
  );
}

export function ErrorState({ error, onRetry }: { error: ApiError; onRetry?: () => void }) {
  return (
    <View className="status status--error">
      <Text className="status__text">{errorText(error)}</Text>
      {onRetry && (
        <Button className="button button--plain" onClick={onRetry}>
          重试
        </Button>
      )}
    </View>
  );
}

import { Text, View } from '@tarojs/components';
import type { TimelineStep } from '../timeline';

/** The matter's history as vertical steps, oldest first: the audit trail, in words. */
export function TimelineSteps({ steps }: { steps: TimelineStep[] }) {
  return (
    <View className="card steps">
      {steps.map((step) => (
        <View key={step.key} className={`step${step.warning ? ' step--warning' : ''}`}>
          <View className="step__dot" />
          <Text className="step__title">{step.title}</Text>
          {step.statusLabel && <Text className="tag tag--grey">{step.statusLabel}</Text>}
          <Text className="step__meta">{[step.actor, step.time].filter(Boolean).join(' · ')}</Text>
          {step.note && <Text className="step__note">{step.note}</Text>}
        </View>
      ))}
    </View>
  );
}

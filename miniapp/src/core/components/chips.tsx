import { Text, View } from '@tarojs/components';

export interface ChipOption<V extends string> {
  value: V;
  label: string;
}

interface Props<V extends string> {
  options: readonly ChipOption<V>[];
  value: V | undefined;
  onChange: (value: V) => void;
  disabled?: boolean;
}

/**
 * One choice among a few: tappable chips rather than a native Picker, so every
 * option is visible at once and the same markup works on weapp and H5.
 */
export function Chips<V extends string>({ options, value, onChange, disabled }: Props<V>) {
  return (
    <View className="chips">
      {options.map((option) => (
        <Text
          key={option.value}
          className={`chip${option.value === value ? ' chip--on' : ''}`}
          onClick={() => !disabled && onChange(option.value)}
        >
          {option.label}
        </Text>
      ))}
    </View>
  );
}

import { Picker, Text, View } from '@tarojs/components';

interface Props {
  value: string;
  onChange: (date: string) => void;
  /** Latest date that may be picked ('YYYY-MM-DD'), e.g. today. */
  end?: string;
  placeholder?: string;
}

/** A calendar date ('YYYY-MM-DD') picked with the platform's date picker. */
export function DateField({ value, onChange, end, placeholder = '选择日期' }: Props) {
  return (
    <Picker mode="date" value={value} end={end} onChange={(e) => onChange(String(e.detail.value))}>
      <View className="field field--picker">
        <Text className={value ? '' : 'field__placeholder'}>{value || placeholder}</Text>
      </View>
    </Picker>
  );
}

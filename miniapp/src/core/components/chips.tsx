import { Text, View } from '@tarojs/components';

export interface ChipOption<V extends string> {
  value: V;
  label: string;
}

interface ChipRowProps<V extends string> {
  options: readonly ChipOption<V>[];
  isOn: (value: V) => boolean;
  onTap: (value: V) => void;
  disabled?: boolean;
}

function ChipRow<V extends string>({ options, isOn, onTap, disabled }: ChipRowProps<V>) {
  return (
    <View className="chips">
      {options.map((option) => (
        <Text
          key={option.value}
          className={`chip${isOn(option.value) ? ' chip--on' : ''}`}
          onClick={() => !disabled && onTap(option.value)}
        >
          {option.label}
        </Text>
      ))}
    </View>
  );
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
  return <ChipRow options={options} isOn={(v) => v === value} onTap={onChange} disabled={disabled} />;
}

interface MultiProps<V extends string> {
  options: readonly ChipOption<V>[];
  values: readonly V[];
  onChange: (values: V[]) => void;
  disabled?: boolean;
}

/** Any number of choices among a few: each tap turns one chip on or off (kept in option order). */
export function MultiChips<V extends string>({ options, values, onChange, disabled }: MultiProps<V>) {
  const toggle = (value: V) => {
    const next = values.includes(value) ? values.filter((v) => v !== value) : [...values, value];
    onChange(options.map((o) => o.value).filter((v) => next.includes(v)));
  };
  return <ChipRow options={options} isOn={(v) => values.includes(v)} onTap={toggle} disabled={disabled} />;
}

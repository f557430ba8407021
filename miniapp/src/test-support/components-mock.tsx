import type { ReactNode } from 'react';

/**
 * `@tarojs/components` as plain DOM, so React Testing Library can query and tap.
 * Use with: jest.mock('@tarojs/components', () => require('<path>/test-support/components-mock'));
 * Fields report changes the Taro way: `onInput({ detail: { value } })`; fire them
 * with `fireEvent.input(field, { target: { value } })`.
 */
interface Props {
  children?: ReactNode;
  className?: string;
  style?: Record<string, string | number>;
  onClick?: () => void;
  onTap?: () => void;
  disabled?: boolean;
  loading?: boolean;
}

export const View = ({ children, className, style, onClick, onTap }: Props) => (
  <div className={className} style={style} onClick={onClick ?? onTap}>
    {children}
  </div>
);

export const Text = ({ children, className, onClick, onTap }: Props) => (
  <span className={className} onClick={onClick ?? onTap}>
    {children}
  </span>
);

/** What WeChat hands a `getPhoneNumber` button next (set per test; by default the user closes the sheet). */
let phoneNumberDetail: { code?: string; errMsg: string } = { errMsg: 'getPhoneNumber:fail user deny' };
export function setPhoneNumberDetail(detail: { code?: string; errMsg: string }): void {
  phoneNumberDetail = detail;
}

interface ButtonProps extends Props {
  id?: string;
  /** WeChat's open abilities: a tap on such a button is answered by WeChat's own event. */
  openType?: string;
  onGetPhoneNumber?: (event: { detail: { code?: string; errMsg: string } }) => void;
  onAgreePrivacyAuthorization?: (event: { detail: Record<string, never> }) => void;
}

export const Button = ({ children, className, onClick, onTap, disabled, loading, id, openType, onGetPhoneNumber, onAgreePrivacyAuthorization }: ButtonProps) => (
  <button
    type="button"
    id={id}
    className={className}
    disabled={disabled}
    aria-busy={loading ? true : undefined}
    data-open-type={openType}
    onClick={() => {
      if (openType === 'getPhoneNumber') onGetPhoneNumber?.({ detail: phoneNumberDetail });
      if (openType === 'agreePrivacyAuthorization') onAgreePrivacyAuthorization?.({ detail: {} });
      (onClick ?? onTap)?.();
    }}
  >
    {children}
  </button>
);

interface FieldProps {
  className?: string;
  type?: string;
  value?: string;
  placeholder?: string;
  maxlength?: number;
  onInput?: (event: { detail: { value: string } }) => void;
}

export const Input = ({ className, value, placeholder, maxlength, onInput }: FieldProps) => (
  <input
    className={className}
    value={value}
    placeholder={placeholder}
    maxLength={maxlength}
    onInput={(e) => onInput?.({ detail: { value: (e.target as HTMLInputElement).value } })}
    onChange={() => undefined}
  />
);

export const Textarea = ({ className, value, placeholder, maxlength, onInput }: FieldProps) => (
  <textarea
    className={className}
    value={value}
    placeholder={placeholder}
    maxLength={maxlength}
    onInput={(e) => onInput?.({ detail: { value: (e.target as HTMLTextAreaElement).value } })}
    onChange={() => undefined}
  />
);

export const Switch = ({ checked, onChange }: { checked?: boolean; onChange?: (event: { detail: { value: boolean } }) => void }) => (
  <input type="checkbox" role="switch" checked={!!checked} onChange={(e) => onChange?.({ detail: { value: e.target.checked } })} />
);

export const Image = ({ className, src, onClick }: { className?: string; src: string; mode?: string; onClick?: () => void }) => (
  <img className={className} src={src} alt="" onClick={onClick} />
);

/**
 * The platform picker as a native control: mode "date" as a date input, mode
 * "selector" as a select whose options are `range` (fire `change` with the index).
 */
interface PickerProps {
  mode?: 'selector' | 'date';
  range?: Array<string | number>;
  value?: string | number;
  end?: string;
  children?: ReactNode;
  onChange?: (event: { detail: { value: string | number } }) => void;
}
export const Picker = ({ mode = 'selector', range = [], value, end, children, onChange }: PickerProps) => (
  <label>
    {children}
    {mode === 'date' ? (
      <input type="date" value={String(value ?? '')} max={end} onChange={(e) => onChange?.({ detail: { value: e.target.value } })} />
    ) : (
      <select value={String(value ?? 0)} onChange={(e) => onChange?.({ detail: { value: Number(e.target.value) } })}>
        {range.map((label, i) => (
          <option key={i} value={i}>
            {String(label)}
          </option>
        ))}
      </select>
    )}
  </label>
);

import type { ReactNode } from 'react';

/**
 * `@tarojs/components` as plain DOM, so React Testing Library can query and tap.
 * Use with: jest.mock('@tarojs/components', () => require('<path>/test-support/components-mock'));
 */
interface Props {
  children?: ReactNode;
  className?: string;
  onClick?: () => void;
  onTap?: () => void;
  disabled?: boolean;
  loading?: boolean;
}

export const View = ({ children, className, onClick, onTap }: Props) => (
  <div className={className} onClick={onClick ?? onTap}>
    {children}
  </div>
);

export const Text = ({ children, className, onClick, onTap }: Props) => (
  <span className={className} onClick={onClick ?? onTap}>
    {children}
  </span>
);

export const Button = ({ children, className, onClick, onTap, disabled, loading }: Props) => (
  <button
    type="button"
    className={className}
    disabled={disabled}
    aria-busy={loading ? true : undefined}
    onClick={onClick ?? onTap}
  >
    {children}
  </button>
);

import { Button } from '@tarojs/components';
import type { ReactNode } from 'react';
import { usePrivacyGate } from '../use-privacy-gate';

interface Props {
  /** The words of the gated control, shown on the button that asks first. */
  label: string;
  className?: string;
  /** The control that needs the agreement (e.g. a `getPhoneNumber` button). */
  children: ReactNode;
}

/**
 * Renders `children` only once the privacy agreement is given. Before that, a
 * plain button with the same words opens the privacy page; after agreeing, the
 * real control takes its place and is tapped once more.
 */
export function PrivacyGate({ label, className = 'button button--plain', children }: Props) {
  const gate = usePrivacyGate();
  if (gate.agreed) return <>{children}</>;
  return (
    <Button className={className} disabled={gate.agreed === null} onClick={() => void gate.ask()}>
      {label}
    </Button>
  );
}

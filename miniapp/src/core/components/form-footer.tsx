import { Button, Text } from '@tarojs/components';

interface Props {
  /** What still stops the form from being sent, one line each (from the draft's check). */
  problems?: readonly string[];
  /** Why the last send failed, already in words for people. */
  error?: string | null;
  /** The submit button's words. */
  label: string;
  onSubmit: () => void;
  /** Sending: the button is disabled and spins. */
  busy?: boolean;
  /** Disabled without a spinner (something else on the page is being sent). */
  disabled?: boolean;
  tone?: 'primary' | 'plain' | 'danger';
  small?: boolean;
}

/** The end of every form: its problems, the send error, then the submit button. */
export function FormFooter({ problems = [], error, label, onSubmit, busy = false, disabled = false, tone = 'primary', small = false }: Props) {
  return (
    <>
      {problems.map((problem) => (
        <Text key={problem} className="message--error">
          {problem}
        </Text>
      ))}
      {error && <Text className="message--error">{error}</Text>}
      <Button className={`button button--${tone}${small ? ' button--small' : ''}`} disabled={busy || disabled} loading={busy} onClick={onSubmit}>
        {label}
      </Button>
    </>
  );
}

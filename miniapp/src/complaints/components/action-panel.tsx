import { Text, View } from '@tarojs/components';
import type { ComplaintView } from '@sqtb/shared';
import { actionEntries, type ActionEntry } from '../actions';
import type { ComplaintActionState } from '../use-complaint-action';
import { ConfirmAction, DispatchForm, RateForm, ReasonForm, ResolveForm, ShopLinkForm, type FormProps } from './action-forms';

/**
 * The steps this caller may take now, exactly as the BFF listed them in
 * `actions` (worked out from the shared workflow table); nothing else is shown.
 * The page shows `action.error` itself: after a 409 the reloaded matter may
 * offer no step at all, and the reason must stay visible.
 */
export function ActionPanel({ complaint, action }: { complaint: ComplaintView; action: ComplaintActionState }) {
  const entries = actionEntries(complaint.actions);
  if (entries.length === 0) return null;
  return (
    <View>
      <Text className="section-title">办理</Text>
      {entries.map((entry) => (
        <ActionForm key={entry.action} entry={entry} complaint={complaint} busy={action.pending !== null} send={action.send} />
      ))}
    </View>
  );
}

function ActionForm(props: FormProps & { entry: ActionEntry; complaint: ComplaintView }) {
  switch (props.entry.form) {
    case 'rate':
      return <RateForm {...props} />;
    case 'dispatch':
      return <DispatchForm {...props} />;
    case 'resolve':
      return <ResolveForm {...props} />;
    case 'reason':
      return <ReasonForm {...props} />;
    case 'shop':
      return <ShopLinkForm {...props} />;
    default:
      return <ConfirmAction {...props} />;
  }
}

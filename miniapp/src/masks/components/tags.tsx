import { Text } from '@tarojs/components';
import type { RegistrationStatus, ReservationStatus } from '@sqtb/shared';
import { REGISTRATION_STATUS, RESERVATION_STATUS } from '../words';

export function ReservationTag({ status }: { status: ReservationStatus }) {
  const { label, tone } = RESERVATION_STATUS[status];
  return <Text className={`tag tag--${tone}`}>{label}</Text>;
}

export function RegistrationTag({ status }: { status: RegistrationStatus }) {
  const { label, tone } = REGISTRATION_STATUS[status];
  return <Text className={`tag tag--${tone}`}>{label}</Text>;
}

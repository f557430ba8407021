import { Text, View } from '@tarojs/components';
import { useCallback, useEffect } from 'react';
import { useSignedInRequest } from '../../accounts/use-signed-in-request';
import { QrCode } from '../../core/components/qr-code';
import { ErrorState, LoadingState } from '../../core/components/status';
import { formatShanghai } from '../../core/time';
import { fetchCertificate } from '../api';

/** 复工证明: the signed certificate as a QR anyone can check, with its dates. */
export function CertificateCard({ filingId }: { filingId: string }) {
  const certificate = useSignedInRequest(useCallback(() => fetchCertificate(filingId), [filingId]));
  const { run } = certificate;
  useEffect(() => void run(), [run]);
  if (certificate.error) return <ErrorState error={certificate.error} onRetry={run} />;
  const cert = certificate.data;
  if (!cert) return <LoadingState text="正在加载复工证明…" />;
  const expired = Date.parse(cert.expiresAt) <= Date.now();
  return (
    <View className="certificate">
      <Text className="certificate__title">复工证明</Text>
      <Text className="certificate__name">{cert.enterpriseName}</Text>
      <QrCode value={cert.token} width={220} dimmed={expired} />
      <Text className="certificate__meta">{`通过时间 ${formatShanghai(cert.approvedAt)}`}</Text>
      <Text className="certificate__meta">{expired ? '证明已过期，请下拉刷新' : `有效期至 ${formatShanghai(cert.expiresAt)}`}</Text>
      <Text className="hint">请张贴于经营场所入口，扫码即可核验真伪</Text>
    </View>
  );
}

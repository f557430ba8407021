import { Button, Text, Textarea, View } from '@tarojs/components';
import { useState } from 'react';
import { ROSTER_CSV_MAX_CHARS, type RosterImportReport } from '@sqtb/shared';
import { FormFooter } from '../../core/components/form-footer';
import { showDone } from '../../core/feedback';
import { useSend } from '../../core/use-send';
import { importRoster } from '../api';
import { parseRosterCsv, ROSTER_CSV_HEADER, type CsvRosterResult } from '../filing-draft';
import { rosterLineErrorWords } from '../words';

/**
 * 追加返岗员工 to a filing already sent (while it waits for review): a pasted
 * CSV goes to the BFF as it is, and every line comes back applied or refused.
 */
export function RosterUpload({ filingId, onAdded }: { filingId: string; onAdded: () => void }) {
  const [open, setOpen] = useState(false);
  const [csv, setCsv] = useState('');
  const [report, setReport] = useState<RosterImportReport | null>(null);
  const [rows, setRows] = useState<CsvRosterResult['rows']>([]);
  const uploading = useSend((text: string) => importRoster(filingId, text));

  if (!open) {
    return (
      <Button className="button button--plain" onClick={() => setOpen(true)}>
        追加返岗员工（CSV）
      </Button>
    );
  }
  const submit = async () => {
    // Read as the form does (tabs, Chinese commas and header), then sent in the BFF's CSV shape.
    const { rows: read, skipped } = parseRosterCsv(csv);
    if (read.length === 0) {
      uploading.setError(skipped.length > 0 ? '每行应为 3 列：姓名,手机号,身份证号' : '请粘贴员工名单');
      return;
    }
    const result = await uploading.send([ROSTER_CSV_HEADER, ...read.map((r) => [r.name, r.phone, r.idNumber].join(','))].join('\n'));
    if (!result) return;
    setRows(read);
    setReport(result);
    if (result.added > 0) {
      void showDone(`已追加 ${result.added} 人`);
      onAdded();
    }
  };
  return (
    <View className="card">
      <Text className="section-title">每行一人：姓名,手机号,身份证号（可从表格复制，可带表头）</Text>
      <Textarea className="field field--textarea field--code" placeholder="粘贴员工名单 CSV" value={csv} maxlength={ROSTER_CSV_MAX_CHARS} onInput={(e) => setCsv(e.detail.value)} />
      <FormFooter error={uploading.error} label="上传名单" busy={uploading.busy} onSubmit={() => void submit()} />
      {report && (
        <View>
          <Text className="card__title">{`已追加 ${report.added} 人，未追加 ${report.refused} 行`}</Text>
          {report.lines
            .filter((line) => !line.applied)
            .map((line) => (
              <View key={line.line} className="import-line import-line--refused">
                {/* Line 1 is the header: line n is the (n - 1)th person sent. */}
                <Text className="import-line__no">{`第 ${line.line - 1} 人 ${rows[line.line - 2]?.name ?? ''}`}</Text>
                <Text className="import-line__text">{`未追加：${rosterLineErrorWords(line.error ?? '')}`}</Text>
              </View>
            ))}
        </View>
      )}
    </View>
  );
}
